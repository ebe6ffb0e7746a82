#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/foundation/Clock.h"

#include <QtTest>

using namespace mdp;
using namespace mdp::accounts;

namespace {

QDateTime atUnix(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

// RFC 6238 Appendix B seeds: the ASCII digits repeated to the HMAC's output length.
SecureBytes rfcSeed(int length)
{
    QByteArray seed;
    while (seed.size() < length)
        seed.append("1234567890");
    seed.truncate(length);
    return SecureBytes(seed);
}

} // namespace

class tst_Totp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfc6238Sha1VectorsMatch_data()
    {
        QTest::addColumn<qint64>("unixTime");
        QTest::addColumn<QString>("code");
        QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
        QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
        QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
        QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("65353130");
    }

    // the second factor is standard TOTP, interoperable with authenticator apps.
    void rfc6238Sha1VectorsMatch()
    {
        QFETCH(qint64, unixTime);
        QFETCH(QString, code);
        ManualClock clock(atUnix(unixTime));
        const Totp totp(rfcSeed(20), clock, TotpParameters{TotpAlgorithm::Sha1, 8, 30});
        QCOMPARE(totp.currentCode(), code);
        QCOMPARE(totp.codeAt(atUnix(unixTime)), code);
        QCOMPARE(totp.verify(code, std::nullopt), std::optional<qint64>(unixTime / 30));
    }

    void rfc6238Sha256VectorsMatch_data()
    {
        QTest::addColumn<qint64>("unixTime");
        QTest::addColumn<QString>("code");
        QTest::newRow("59") << qint64(59) << QStringLiteral("46119246");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("68084774");
        QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("67062674");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("91819424");
        QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("90698825");
        QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("77737706");
    }

    void rfc6238Sha256VectorsMatch()
    {
        QFETCH(qint64, unixTime);
        QFETCH(QString, code);
        ManualClock clock(atUnix(unixTime));
        const Totp totp(rfcSeed(32), clock, TotpParameters{TotpAlgorithm::Sha256, 8, 30});
        QCOMPARE(totp.currentCode(), code);
    }

    void defaultsAreSixDigitsSha1ThirtySeconds()
    {
        ManualClock clock(atUnix(59));
        const Totp totp(rfcSeed(20), clock);
        QCOMPARE(totp.parameters().digits, 6);
        QCOMPARE(totp.parameters().periodSeconds, 30);
        QCOMPARE(totp.parameters().algorithm, TotpAlgorithm::Sha1);
        // The 6-digit code is the same truncation modulo 10^6 as the 8-digit vector 94287082.
        QCOMPARE(totp.currentCode(), QStringLiteral("287082"));
        clock.advance(1'000); // T=60 starts the next step
        QCOMPARE(totp.currentStep(), qint64(2));
        QVERIFY(totp.currentCode() != QStringLiteral("287082"));
    }

    //
    void codesOfNeighbouringStepsAreAcceptedAndFartherOnesRefused()
    {
        ManualClock clock(atUnix(1'700'000'000));
        const Totp totp(Totp::generateSecret(), clock);
        const qint64 now = totp.currentStep();
        QCOMPARE(totp.verify(totp.codeForStep(now - 1), std::nullopt), std::optional<qint64>(now - 1));
        QCOMPARE(totp.verify(totp.codeForStep(now), std::nullopt), std::optional<qint64>(now));
        QCOMPARE(totp.verify(totp.codeForStep(now + 1), std::nullopt), std::optional<qint64>(now + 1));
        // Farther steps: skip the rare case where a farther code happens to equal a nearby one.
        for (qint64 step : {now - 2, now + 2}) {
            const QString code = totp.codeForStep(step);
            const bool collides = code == totp.codeForStep(now - 1) || code == totp.codeForStep(now) ||
                                  code == totp.codeForStep(now + 1);
            if (!collides)
                QCOMPARE(totp.verify(code, std::nullopt), std::nullopt);
        }
        QCOMPARE(totp.verify(totp.codeForStep(now - 1), std::nullopt, 0), std::nullopt);
    }

    // a code seen once (e.g. shoulder-surfed) cannot be replayed.
    void acceptedStepCannotBeUsedAgain()
    {
        ManualClock clock(atUnix(1'700'000'000));
        const Totp totp(Totp::generateSecret(), clock);
        const QString code = totp.currentCode();
        const std::optional<qint64> first = totp.verify(code, std::nullopt);
        QVERIFY(first);
        QCOMPARE(totp.verify(code, first), std::nullopt);
        // An older step's code is refused too once a later step was accepted.
        QCOMPARE(totp.verify(totp.codeForStep(*first - 1), first), std::nullopt);
        // Still refused within the window after time moves on by one step.
        clock.advance(30'000);
        QCOMPARE(totp.verify(code, first), std::nullopt);
        QCOMPARE(totp.verify(totp.currentCode(), first), std::optional<qint64>(*first + 1));
    }

    void malformedCodesAreRefused()
    {
        ManualClock clock(atUnix(59));
        const Totp totp(rfcSeed(20), clock);
        QCOMPARE(totp.verify(u"28708", std::nullopt), std::nullopt);
        QCOMPARE(totp.verify(u"2870822", std::nullopt), std::nullopt);
        QCOMPARE(totp.verify(u"28708a", std::nullopt), std::nullopt);
        QCOMPARE(totp.verify(u"", std::nullopt), std::nullopt);
        // Spaces people type between digit groups are tolerated.
        QCOMPARE(totp.verify(u" 287 082 ", std::nullopt), std::optional<qint64>(1));
    }

    void base32MatchesRfc4648Vectors_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("f") << QByteArray("f") << QStringLiteral("MY");
        QTest::newRow("fo") << QByteArray("fo") << QStringLiteral("MZXQ");
        QTest::newRow("foo") << QByteArray("foo") << QStringLiteral("MZXW6");
        QTest::newRow("foob") << QByteArray("foob") << QStringLiteral("MZXW6YQ");
        QTest::newRow("fooba") << QByteArray("fooba") << QStringLiteral("MZXW6YTB");
        QTest::newRow("foobar") << QByteArray("foobar") << QStringLiteral("MZXW6YTBOI");
    }

    void base32MatchesRfc4648Vectors()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QString, encoded);
        QCOMPARE(base32Encode(plain), encoded);
        QCOMPARE(base32Decode(encoded), std::optional<QByteArray>(plain));
        QCOMPARE(base32Decode(encoded.toLower()), std::optional<QByteArray>(plain));
    }

    void base32DecodeToleratesPaddingAndGroupingButNotOtherCharacters()
    {
        QCOMPARE(base32Decode(u"MZXW6YQ="), std::optional<QByteArray>("foob"));
        QCOMPARE(base32Decode(u"MZXW 6YTB-OI======"), std::optional<QByteArray>("foobar"));
        QCOMPARE(base32Decode(u"MZXW1"), std::nullopt); // '1' is not in the alphabet
        QCOMPARE(base32Decode(u"MZX"), std::nullopt);   // 3 symbols cannot end on a byte
        QCOMPARE(base32Decode(u"MZ=X"), std::nullopt);  // data after padding
        QCOMPARE(base32Decode(u"MY"), std::optional<QByteArray>("f"));
        QCOMPARE(base32Decode(u"MZ"), std::nullopt); // non-zero leftover bits
    }

    void generatedSecretsAre160BitsAndDistinct()
    {
        const SecureBytes a = Totp::generateSecret();
        const SecureBytes b = Totp::generateSecret();
        QCOMPARE(a.size(), std::size_t(20));
        QVERIFY(!(a == b));
        ManualClock clock(atUnix(0));
        QCOMPARE(Totp(a, clock).secretBase32().size(), 32);
    }

    void provisioningUriCarriesSecretIssuerAndParameters()
    {
        ManualClock clock(atUnix(0));
        const Totp totp(SecureBytes(QByteArrayView("foobar")), clock);
        QCOMPARE(
            totp.provisioningUri(QStringLiteral("MDP Site"), QStringLiteral("dr.wang@example")),
            QStringLiteral("otpauth://totp/MDP%20Site:dr.wang%40example?secret=MZXW6YTBOI&issuer=MDP%20Site"
                           "&algorithm=SHA1&digits=6&period=30"));
        const Totp sha256(SecureBytes(QByteArrayView("foobar")), clock, {TotpAlgorithm::Sha256, 8, 60});
        QVERIFY(sha256.provisioningUri(QStringLiteral("MDP"), QStringLiteral("a"))
                    .endsWith(QStringLiteral("&algorithm=SHA256&digits=8&period=60")));
    }

    void algorithmNamesRoundTrip()
    {
        QCOMPARE(totpAlgorithmFromName(totpAlgorithmName(TotpAlgorithm::Sha1)), TotpAlgorithm::Sha1);
        QCOMPARE(totpAlgorithmFromName(u"sha256"), TotpAlgorithm::Sha256);
        QCOMPARE(totpAlgorithmFromName(u"MD5"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(tst_Totp)
#include "tst_Totp.moc"
