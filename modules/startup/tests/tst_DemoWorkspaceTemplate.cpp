// The demo workspace template: built once, copied at each start, rebuilt only when stale, never
// readable without its key.
#include "mdp/registry/Registry.h"
#include "mdp/startup/DemoWorkspaceTemplate.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workspace/Workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mdp;
using namespace mdp::startup;

class tst_DemoWorkspaceTemplate : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    QTemporaryDir m_root;
    int m_builds = 0;
    int m_runs = 0;

    QString cacheDir() const { return m_root.filePath(QStringLiteral("cache")); }
    QString freshTarget() { return m_root.filePath(QStringLiteral("run-%1").arg(++m_runs)); }

    DemoTemplateOptions options(quint64 seed = 7) const
    {
        DemoTemplateOptions o;
        o.cacheDirectory = cacheDir();
        o.identity = QJsonObject{{QStringLiteral("generator"), QStringLiteral("test-cohort/1")},
                                 {QStringLiteral("seed"), QString::number(seed)}};
        return o;
    }

    // A small real demo workspace (three synthetic patients, no documents), counting the builds.
    DemoWorkspaceBuilder builder(quint64 seed = 7)
    {
        return [this, seed](const QString &directory, const SecureBytes &passphrase) {
            ++m_builds;
            workspace::DemoCohortOptions cohort;
            cohort.patients = 3;
            cohort.seed = seed;
            cohort.documentEvery = 0;
            return workspace::createDemoWorkspace(directory, m_clock, cohort, passphrase);
        };
    }

    static QList<registry::Patient> patientsOf(workspace::Workspace &w)
    {
        // The test's look, on the template passphrase's authority.
        if (!w.session() && !w.beginCustodianSession())
            return {};
        auto page = w.registry().patients(w.custodianId().toString(QUuid::WithoutBraces), {});
        return page ? page->patients : QList<registry::Patient>{};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_root.isValid());
        QDir(cacheDir()).removeRecursively();
        m_builds = 0;
    }

    // Issue 8 (fast start): the cohort is imported once; later starts only copy the template.
    void secondCheckoutCopiesWithoutBuilding()
    {
        DemoWorkspaceTemplate demoTemplate(options(), m_clock);
        QVERIFY(!demoTemplate.isCurrent());
        auto first = demoTemplate.checkout(freshTarget(), builder());
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        QCOMPARE(m_builds, 1);
        QVERIFY(demoTemplate.isCurrent());
        const auto firstPatients = patientsOf(*first->workspace);
        QCOMPARE(firstPatients.size(), 3);

        auto second = demoTemplate.checkout(freshTarget(), builder());
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
        QCOMPARE(m_builds, 1);
        const auto secondPatients = patientsOf(*second->workspace);
        QCOMPARE(secondPatients.size(), 3);
        QCOMPARE(secondPatients.first().pseudonymId, firstPatients.first().pseudonymId);
        // The demo accounts of the copy sign in through the real path (password and TOTP).
        QCOMPARE(second->accounts.size(), first->accounts.size());
        for (const workspace::DemoAccount &account : std::as_const(second->accounts)) {
            auto session = workspace::loginDemoAccount(*second->workspace, account);
            QVERIFY2(session.ok(), qPrintable(account.userName));
            second->workspace->logout();
        }
    }

    // A demo stays throw-away: what one run changes never reaches the template or the next run.
    void changesInOneRunDoNotReachTheNext()
    {
        DemoWorkspaceTemplate demoTemplate(options(), m_clock);
        auto first = demoTemplate.checkout(freshTarget(), builder());
        QVERIFY(first.ok());
        workspace::Workspace &w = *first->workspace;
        QVERIFY(w.beginCustodianSession().ok());
        registry::PatientDraft draft;
        draft.name.family = QStringLiteral("测");
        draft.name.given = QStringLiteral("试");
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1970, 1, 1);
        auto created = w.registry().createPatient(w.custodianId().toString(QUuid::WithoutBraces), draft);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        w.logout();
        QCOMPARE(patientsOf(w).size(), 4);
        first->workspace.reset();

        auto second = demoTemplate.checkout(freshTarget(), builder());
        QVERIFY(second.ok());
        QCOMPARE(patientsOf(*second->workspace).size(), 3);
        QCOMPARE(m_builds, 1);
    }

    // Another seed (or generator version) is another cohort: the old template is not used.
    void otherIdentityRebuilds()
    {
        {
            DemoWorkspaceTemplate demoTemplate(options(7), m_clock);
            QVERIFY(demoTemplate.checkout(freshTarget(), builder(7)).ok());
        }
        DemoWorkspaceTemplate other(options(8), m_clock);
        QVERIFY(!other.isCurrent());
        auto copy = other.checkout(freshTarget(), builder(8));
        QVERIFY(copy.ok());
        QCOMPARE(m_builds, 2);
        QVERIFY(other.isCurrent());
        QVERIFY(!DemoWorkspaceTemplate(options(7), m_clock).isCurrent());
    }

    // Demo histories end on the day they were built: a template older than a week is rebuilt.
    void templateOlderThanMaxAgeIsRebuilt()
    {
        ManualClock clock(m_clock.now());
        DemoWorkspaceTemplate demoTemplate(options(), clock);
        QVERIFY(demoTemplate.checkout(freshTarget(), builder()).ok());
        clock.advance(6 * 24 * 3600 * 1000LL);
        QVERIFY(demoTemplate.isCurrent());
        clock.advance(2 * 24 * 3600 * 1000LL);
        QVERIFY(!demoTemplate.isCurrent());
        QVERIFY(demoTemplate.checkout(freshTarget(), builder()).ok());
        QCOMPARE(m_builds, 2);
    }

    void failedBuildLeavesNoTemplate()
    {
        DemoWorkspaceTemplate demoTemplate(options(), m_clock);
        auto failing = [this](const QString &directory, const SecureBytes &passphrase) {
            auto built = builder()(directory, passphrase);
            // Built, then the import "fails": half a template must not be taken for a whole one.
            Q_UNUSED(built);
            return Result<workspace::DemoWorkspace>(
                makeError(Error::Code::Io, QStringLiteral("disk full while importing")));
        };
        auto copy = demoTemplate.checkout(freshTarget(), failing);
        QVERIFY(!copy.ok());
        QCOMPARE(copy.error().code, Error::Code::Io);
        QVERIFY(!demoTemplate.isCurrent());
        const QStringList left = QDir(cacheDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
        QVERIFY(demoTemplate.checkout(freshTarget(), builder()).ok());
        QCOMPARE(m_builds, 2);
    }

    void unreadableTemplateIsRebuilt()
    {
        DemoWorkspaceTemplate demoTemplate(options(), m_clock);
        QVERIFY(demoTemplate.checkout(freshTarget(), builder()).ok());
        QDirIterator it(cacheDir(), {QStringLiteral("template.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QVERIFY(it.hasNext());
        QFile manifest(it.next());
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write("{ not json");
        manifest.close();
        QVERIFY(!demoTemplate.isCurrent());
        auto copy = demoTemplate.checkout(freshTarget(), builder());
        QVERIFY2(copy.ok(), qPrintable(copy.ok() ? QString() : copy.error().toString()));
        QCOMPARE(m_builds, 2);
    }

    // The template is the encrypted workspace format: no patient's name or pseudonym appears in
    // any file of the cache (the demo data are synthetic, the format is still the real one).
    void templateHoldsNoPlaintextPatientData()
    {
        DemoWorkspaceTemplate demoTemplate(options(), m_clock);
        auto copy = demoTemplate.checkout(freshTarget(), builder());
        QVERIFY(copy.ok());
        const auto patients = patientsOf(*copy->workspace);
        QVERIFY(!patients.isEmpty());
        QList<QByteArray> secrets;
        for (const registry::Patient &p : patients) {
            // An empty secret would be found in every file: the look must see identity.
            QVERIFY(!p.name.family.isEmpty() && !p.pinyin.isEmpty());
            secrets << (p.name.family + p.name.given).toUtf8() << p.pseudonymId.toUtf8() << p.pinyin.toUtf8();
        }
        int files = 0;
        QDirIterator it(cacheDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            ++files;
            for (const QByteArray &s : std::as_const(secrets))
                QVERIFY2(!bytes.contains(s), qPrintable(f.fileName()));
        }
        QVERIFY(files > 3);
    }
};

QTEST_GUILESS_MAIN(tst_DemoWorkspaceTemplate)
#include "tst_DemoWorkspaceTemplate.moc"
