#include "mdp/foundation/AtomicFile.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QFile>
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

    // Issue 9 part 7: key material lives in memory that no core dump includes and, where
    // the system lets the process lock memory, that is never swapped. Read back from the kernel's
    // own account of the mapping (/proc/self/smaps: "dd" = do not dump, "lo" = locked).
    void secureBytesLiveOutsideCoreDumpsAndSwap()
    {
        auto flagsOf = [](const void *p) -> QByteArray {
            QFile smaps(QStringLiteral("/proc/self/smaps"));
            if (!smaps.open(QIODevice::ReadOnly))
                return {};
            const auto address = quintptr(p);
            bool inside = false;
            for (const QByteArray &line : smaps.readAll().split('\n')) {
                const int dash = line.indexOf('-');
                const int space = line.indexOf(' ');
                const bool header =
                    !line.isEmpty() && QByteArrayView("0123456789abcdef").contains(line.at(0));
                if (header && dash > 0 && space > dash) {
                    bool ok1 = false, ok2 = false;
                    const quintptr from = line.left(dash).toULongLong(&ok1, 16);
                    const quintptr to = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
                    inside = ok1 && ok2 && address >= from && address < to;
                } else if (inside && line.startsWith("VmFlags:")) {
                    return line.mid(8).trimmed();
                }
            }
            return {};
        };
        const SecureBytes key(QByteArrayView("0123456789abcdef0123456789abcdef"));
        const QList<QByteArray> small = flagsOf(key.data()).split(' ');
        QVERIFY2(small.contains("dd"), qPrintable(QString::fromLatin1(flagsOf(key.data()))));
        if (secureMemoryLocked())
            QVERIFY(small.contains("lo"));
        // A large secret gets a mapping of its own with the same protection.
        const SecureBytes large(std::size_t(600 * 1024));
        QVERIFY(flagsOf(large.data()).split(' ').contains("dd"));
        // Control: an ordinary heap buffer is dumped.
        const QByteArray plain(64, 'x');
        QVERIFY(!flagsOf(plain.constData()).split(' ').contains("dd"));
        // Released memory is wiped at once (the arena stays mapped, so the bytes can be read back).
        char *raw = static_cast<char *>(secureAllocate(48));
        std::memset(raw, 'k', 48);
        secureRelease(raw, 48);
        QCOMPARE(QByteArray(raw, 48), QByteArray(48, '\0'));
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
