// The start-up probe: what `mdp bench start` reads to time a window (issue 8, fast start).
#include "mdp/startup/StartupProbe.h"

#include <QApplication>
#include <QDialog>
#include <QMainWindow>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>
#include <memory>

using mdp::startup::StartupProbe;
using Milestone = StartupProbe::Milestone;

class tst_StartupProbe : public QObject
{
    Q_OBJECT

    struct FileCloser
    {
        void operator()(std::FILE *f) const { std::fclose(f); }
    };

    static QByteArray contents(std::FILE *f)
    {
        std::fflush(f);
        std::rewind(f);
        QByteArray bytes;
        char buffer[256];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, f))
            bytes.append(buffer, qsizetype(n));
        return bytes;
    }

private Q_SLOTS:
    void shownIsPrintedWithTheMonotonicTimeOnceTheFirstWindowIsExposed()
    {
        std::unique_ptr<std::FILE, FileCloser> out(std::tmpfile());
        QVERIFY(out);
        StartupProbe probe(std::nullopt, {}, out.get());
        QSignalSpy reached(&probe, &StartupProbe::reached);
        const qint64 before = StartupProbe::monotonicNanoseconds();
        QWidget window;
        window.resize(200, 100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(reached.count() >= 1 || reached.wait());
        const qint64 after = StartupProbe::monotonicNanoseconds();
        QCOMPARE(reached.first().at(0).value<Milestone>(), Milestone::Shown);
        const QList<QByteArray> lines = contents(out.get()).trimmed().split('\n');
        QVERIFY(!lines.isEmpty());
        const QList<QByteArray> fields = lines.first().split(' ');
        QCOMPARE(fields.size(), 3);
        QCOMPARE(fields.at(0), QByteArray("mdp-startup"));
        QCOMPARE(fields.at(1), QByteArray("shown"));
        const qint64 at = fields.at(2).toLongLong();
        QVERIFY(at >= before && at <= after);
    }

    // A sign-in dialog is not the usable main window, and a window whose background job still
    // runs (busy cursor) is not usable yet.
    void usableWaitsForTheMainWindowAndForBusyWork()
    {
        std::unique_ptr<std::FILE, FileCloser> out(std::tmpfile());
        QVERIFY(out);
        QMainWindow main;
        main.resize(300, 200);
        StartupProbe probe(
            std::nullopt, [&main](QWidget *w) { return w == &main; }, out.get());
        QSignalSpy reached(&probe, &StartupProbe::reached);

        QDialog signIn;
        signIn.resize(200, 100);
        signIn.show();
        QVERIFY(QTest::qWaitForWindowExposed(&signIn));
        QVERIFY(reached.count() >= 1 || reached.wait());
        QCoreApplication::processEvents();
        QCOMPARE(reached.count(), 1);

        QApplication::setOverrideCursor(Qt::BusyCursor);
        main.show();
        QVERIFY(QTest::qWaitForWindowExposed(&main));
        QCoreApplication::processEvents();
        QCOMPARE(reached.count(), 1);
        QApplication::restoreOverrideCursor();
        QVERIFY(reached.wait());
        QCOMPARE(reached.count(), 2);
        QCOMPARE(reached.at(1).at(0).value<Milestone>(), Milestone::Usable);
        QVERIFY(contents(out.get()).contains("mdp-startup usable "));
    }

    void environmentNamesTheMilestone()
    {
        qputenv("MDP_STARTUP_REPORT", "usable");
        QVERIFY(StartupProbe::requested() == Milestone::Usable);
        qputenv("MDP_STARTUP_REPORT", "shown");
        QVERIFY(StartupProbe::requested() == Milestone::Shown);
        qputenv("MDP_STARTUP_REPORT", "later");
        QVERIFY(!StartupProbe::requested());
        qunsetenv("MDP_STARTUP_REPORT");
        QVERIFY(!StartupProbe::requested());
    }
};

QTEST_MAIN(tst_StartupProbe)
#include "tst_StartupProbe.moc"
