#include "mdp/foundation/AtomicFile.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cstring>
#include <thread>

using namespace mdp;

class tst_Foundation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Issue 9: two writers replacing one file (two processes running `mdp`, or two threads) used to
    // share the fixed name "<file>.tmp", and one's rename found it gone ("cannot replace ...: No such
    // file or directory"). Every replace succeeds now, the file is one writer's whole content, and
    // nothing is left behind.
    void concurrentAtomicWritersNeverShareATemporary()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("audit.head"));
        std::atomic<int> failures{0};
        auto writer = [&](char fill) {
            for (int i = 0; i < 300; ++i) {
                if (!mdp::writeFileAtomically(path, QByteArray(4096, fill)))
                    ++failures;
            }
        };
        std::thread a(writer, 'a');
        std::thread b(writer, 'b');
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes == QByteArray(4096, 'a') || bytes == QByteArray(4096, 'b'));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("audit.head")});
        // A leftover of a killed writer is cleared by the owner's next open.
        QFile left(path + QStringLiteral(".tmp-00000000deadbeef"));
        QVERIFY(left.open(QIODevice::WriteOnly));
        left.close();
        mdp::removeAtomicLeftovers(path);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("audit.head")});
    }

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
