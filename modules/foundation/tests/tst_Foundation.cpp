#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QtTest>

#include <cstring>

using namespace mdp;

class tst_Foundation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultCarriesValueOrError()
    {
        Result<int> good = 42;
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 42);
        Result<int> bad = makeError(Error::Code::NotFound, QStringLiteral("missing"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, Error::Code::NotFound);
        QCOMPARE(bad.error().toString(), QStringLiteral("not-found: missing"));
    }

    void manualClockMovesOnlyWhenAdvanced()
    {
        ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        const QDateTime t0 = clock.now();
        QCOMPARE(clock.now(), t0);
        clock.advance(30'000);
        QCOMPARE(t0.msecsTo(clock.now()), 30'000);
    }

    void secureBytesWipesTheSourceAndItself()
    {
        QByteArray secret("top secret key material");
        SecureBytes held = SecureBytes::takeFrom(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(held.view(), QByteArrayView("top secret key material"));
        SecureBytes moved = std::move(held);
        QVERIFY(held.isEmpty());
        QCOMPARE(moved.size(), std::size_t(23));
        moved.clear();
        QVERIFY(moved.isEmpty());
    }

    void secureZeroOverwritesTheCallersBuffer()
    {
        char buffer[32];
        std::memset(buffer, 0x5a, sizeof buffer);
        secureZero(buffer, sizeof buffer);
        for (const char c : buffer)
            QCOMPARE(c, '\0');
        QByteArray shared("shared secret");
        const QByteArray copy = shared; // implicitly shared: wiping must not touch the copy
        secureZero(shared);
        QVERIFY(shared.isEmpty());
        QCOMPARE(copy, QByteArray("shared secret"));
    }

    void secureBytesCompareInConstantTimeButCorrectly()
    {
        QCOMPARE(SecureBytes(QByteArrayView("abc")), SecureBytes(QByteArrayView("abc")));
        QVERIFY(!(SecureBytes(QByteArrayView("abc")) == SecureBytes(QByteArrayView("abd"))));
        QVERIFY(!(SecureBytes(QByteArrayView("abc")) == SecureBytes(QByteArrayView("ab"))));
    }
};

QTEST_GUILESS_MAIN(tst_Foundation)
#include "tst_Foundation.moc"
