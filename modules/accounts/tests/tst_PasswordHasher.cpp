#include "mdp/accounts/PasswordHasher.h"

#include <QtTest>

using namespace mdp;
using namespace mdp::accounts;

namespace {
// A password in the form the account functions take it (takePassword).
SecureBytes pw(const QString &text)
{
    return passwordBytes(text.toUtf8());
}
} // namespace

namespace {

constexpr int kFastIterations = 1'000;

} // namespace

class tst_PasswordHasher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void productionCostIsTheDefault()
    {
        QCOMPARE(PasswordHasher().iterations(), 600'000);
        QCOMPARE(PasswordHasher::kProductionIterations, 600'000);
    }

    // password hashes use SM3; the stored string names its own parameters.
    void hashIsSelfDescribingAndHoldsNoPassword()
    {
        const PasswordHasher hasher(kFastIterations);
        const Result<QString> encoded = hasher.hash(pw(QStringLiteral("Correct-Horse-9")));
        QVERIFY(encoded.ok());
        const QStringList parts = encoded->split(QLatin1Char('$'));
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts[0], QStringLiteral("pbkdf2-sm3"));
        QCOMPARE(parts[1], QStringLiteral("1000"));
        QCOMPARE(QByteArray::fromBase64(parts[2].toLatin1()).size(), 16);
        QCOMPARE(QByteArray::fromBase64(parts[3].toLatin1()).size(), 32);
        QVERIFY(!encoded->contains(QStringLiteral("Correct-Horse-9")));
        QCOMPARE(PasswordHasher::iterationsOf(*encoded), std::optional<int>(kFastIterations));
    }

    void rightPasswordVerifiesAndWrongOnesDoNot()
    {
        const PasswordHasher hasher(kFastIterations);
        const QString encoded = hasher.hash(pw(QStringLiteral("Correct-Horse-9"))).value();
        QVERIFY(hasher.verify(pw(QStringLiteral("Correct-Horse-9")), encoded));
        QVERIFY(!hasher.verify(pw(QStringLiteral("correct-Horse-9")), encoded));
        QVERIFY(!hasher.verify(pw(QStringLiteral("Correct-Horse-9 ")), encoded));
        QVERIFY(!hasher.verify(pw(QString()), encoded));
    }

    void samePasswordGetsAFreshSaltEachTime()
    {
        const PasswordHasher hasher(kFastIterations);
        const QString a = hasher.hash(pw(QStringLiteral("Correct-Horse-9"))).value();
        const QString b = hasher.hash(pw(QStringLiteral("Correct-Horse-9"))).value();
        QVERIFY(a != b);
        QVERIFY(hasher.verify(pw(QStringLiteral("Correct-Horse-9")), b));
    }

    // The format is plain PBKDF2-HMAC-SM3 over UTF-8: this value was computed with OpenSSL
    // (`openssl kdf -kdfopt digest:SM3 ... PBKDF2`) and Python's hashlib.pbkdf2_hmac('sm3', ...).
    void independentlyComputedHashVerifies()
    {
        const PasswordHasher hasher(kFastIterations);
        const QString openssl = QStringLiteral(
            "pbkdf2-sm3$1000$AAECAwQFBgcICQoLDA0ODw==$dLbk3YpNfBZXRInlc0T+5Mqvd7tzu6u8KACu3k1ONPI=");
        QVERIFY(hasher.verify(pw(QStringLiteral("Correct-Horse-9")), openssl));
        QVERIFY(!hasher.verify(pw(QStringLiteral("Correct-Horse-8")), openssl));
    }

    // Input methods may deliver composed or decomposed accents; both must match the same hash.
    void passwordsAreComparedAfterNfcNormalisation()
    {
        const PasswordHasher hasher(kFastIterations);
        const QString composed = QStringLiteral("Gr\u00fcne \u00c4pfel 42");
        const QString decomposed = QStringLiteral("Gru\u0308ne A\u0308pfel 42");
        QVERIFY(composed != decomposed);
        const QString python = QStringLiteral(
            "pbkdf2-sm3$1000$AAECAwQFBgcICQoLDA0ODw==$hFiAeBgRNkpRwdoH7mMt7faMP5CR67WfdSWDCb1O/jo=");
        QVERIFY(hasher.verify(pw(composed), python));
        QVERIFY(hasher.verify(pw(decomposed), python));
    }

    void olderParametersStillVerifyButAskForRehash()
    {
        const QString old =
            PasswordHasher(kFastIterations).hash(pw(QStringLiteral("Correct-Horse-9"))).value();
        const PasswordHasher stronger(2 * kFastIterations);
        QVERIFY(stronger.verify(pw(QStringLiteral("Correct-Horse-9")), old));
        QVERIFY(stronger.needsRehash(old));
        QVERIFY(!PasswordHasher(kFastIterations).needsRehash(old));
        QVERIFY(!PasswordHasher(kFastIterations / 2).needsRehash(old));
        QVERIFY(stronger.needsRehash(u"bcrypt$whatever"));
    }

    void malformedHashesAreRefused_data()
    {
        QTest::addColumn<QString>("encoded");
        const QString salt = QStringLiteral("AAECAwQFBgcICQoLDA0ODw==");
        const QString hash = QStringLiteral("dLbk3YpNfBZXRInlc0T+5Mqvd7tzu6u8KACu3k1ONPI=");
        QTest::newRow("empty") << QString();
        QTest::newRow("other scheme") << QStringLiteral("pbkdf2-sha1$1000$") + salt + u'$' + hash;
        QTest::newRow("zero iterations") << QStringLiteral("pbkdf2-sm3$0$") + salt + u'$' + hash;
        QTest::newRow("absurd iterations") << QStringLiteral("pbkdf2-sm3$2000000000$") + salt + u'$' + hash;
        QTest::newRow("text iterations") << QStringLiteral("pbkdf2-sm3$many$") + salt + u'$' + hash;
        QTest::newRow("bad base64") << QStringLiteral("pbkdf2-sm3$1000$!!!!$") + hash;
        QTest::newRow("short hash") << QStringLiteral("pbkdf2-sm3$1000$") + salt + QStringLiteral("$AAAA");
        QTest::newRow("extra field") << QStringLiteral("pbkdf2-sm3$1000$") + salt + u'$' + hash +
                                            QStringLiteral("$x");
    }

    void malformedHashesAreRefused()
    {
        QFETCH(QString, encoded);
        const PasswordHasher hasher(kFastIterations);
        QVERIFY(!hasher.verify(pw(QStringLiteral("Correct-Horse-9")), encoded));
        QVERIFY(hasher.needsRehash(encoded));
        QCOMPARE(PasswordHasher::iterationsOf(encoded), std::nullopt);
    }

    void decoyHashCostsTheSameAndMatchesNothing()
    {
        const PasswordHasher hasher(kFastIterations);
        const QString decoy = hasher.decoyHash();
        QCOMPARE(PasswordHasher::iterationsOf(decoy), std::optional<int>(kFastIterations));
        QVERIFY(!hasher.verify(pw(QStringLiteral("Correct-Horse-9")), decoy));
        QVERIFY(decoy != hasher.decoyHash());
    }

    void emptyPasswordIsNotHashed()
    {
        const Result<QString> encoded = PasswordHasher(kFastIterations).hash(pw(QString()));
        QVERIFY(!encoded.ok());
        QCOMPARE(encoded.error().code, Error::Code::InvalidArgument);
    }

    // the production cost is exercised once so a regression in it is caught.
    void productionCostHashVerifies()
    {
        const PasswordHasher hasher;
        const QString encoded = hasher.hash(pw(QStringLiteral("Correct-Horse-9"))).value();
        QVERIFY(encoded.startsWith(QStringLiteral("pbkdf2-sm3$600000$")));
        QVERIFY(hasher.verify(pw(QStringLiteral("Correct-Horse-9")), encoded));
        QVERIFY(!hasher.needsRehash(encoded));
    }
};

QTEST_GUILESS_MAIN(tst_PasswordHasher)
#include "tst_PasswordHasher.moc"
