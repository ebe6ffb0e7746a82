// The offline auditor mode's window (issue 13, R-7.4.2): an auditor's verified bundle shows what was
// verified, then answers a patient's access history, a user's activity over a range and a datum's
// trace; every question is first written to the auditor's signed read log (the audit of the audit),
// which verifies with the auditor's key. Rendered in English and Chinese.
#include "AuditBundleWindow.h"
#include "ShellTestSupport.h"

#include "mdp/audit/AuditLog.h"
#include "mdp/audit/AuditTrail.h"
#include "mdp/audit/Sm2CheckpointSigner.h"

#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::audit;

class tst_AuditBundleWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    crypto::SigningKey m_auditor;
    std::optional<OpenedAuditBundle> m_bundle;
    const QDateTime m_start{QDate(2026, 11, 2), QTime(1, 0), Qt::UTC};

private Q_SLOTS:
    void initTestCase()
    {
        shell::testing::applyTheme();
        shell::testing::useLanguage(QStringLiteral("en"));
        m_auditor = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        auto node = std::make_shared<Sm2CheckpointSigner>(
            *crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2));
        ManualClock clock(m_start);
        AuditLogOptions o;
        o.directory = m_dir.filePath(QStringLiteral("log"));
        o.key = SecureBytes(QByteArray(32, '\x21'));
        o.signer = node;
        o.clock = &clock;
        o.nodeId = QStringLiteral("ws-07");
        auto log = AuditLog::open(o);
        QVERIFY(log);
        // Three weeks of activity: u-1 views patients every hour, u-2 downloads every sixth hour.
        for (int i = 0; i < 21 * 24; ++i) {
            AuditEvent e;
            e.type = i % 6 == 0 ? QStringLiteral("data.download") : QStringLiteral("patient.view");
            e.action = AuditAction::Read;
            e.agent.userId = i % 6 == 0 ? QStringLiteral("u-2") : QStringLiteral("u-1");
            e.entities = {AuditEntity{QStringLiteral("patient"), QStringLiteral("P-%1").arg(i % 9)}};
            QVERIFY((*log)->append(e));
            clock.advance(3600 * 1000);
        }
        QVERIFY((*log)->flush());
        auto content = bundleContentFromLog(**log, {}, {});
        QVERIFY(content);
        content->source = QStringLiteral("ws-07");
        content->exportedBy = QStringLiteral("aud.zhao");
        content->exportedAt = clock.now();
        content->nodeKeyDer = node->publicKey().der();
        content->accountNames = {{QStringLiteral("u-1"), QStringLiteral("dr.wang")},
                                 {QStringLiteral("u-2"), QStringLiteral("res.zhang")}};
        const QString path = m_dir.filePath(QStringLiteral("b.bundle"));
        QVERIFY(writeAuditBundle(path, *content, m_auditor.publicKey(), *node));
        auto opened = openAuditBundle(path, m_auditor);
        QVERIFY(opened);
        m_bundle = std::move(*opened);
    }

    void theAuditorTracesAPatientAndAUserAndEveryReadIsLogged()
    {
        const QString readLog = m_dir.filePath(QStringLiteral("reads.log"));
        ui::AuditBundleWindow window(*m_bundle, m_auditor, readLog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *verdict = window.findChild<QLabel *>(QStringLiteral("bundleVerdict"));
        QVERIFY(verdict);
        QVERIFY(verdict->text().contains(QStringLiteral("Merkle inclusion")));
        QVERIFY(verdict->text().contains(
            QString::fromLatin1(m_auditor.publicKey().fingerprint().toHex().left(16))));
        QVERIFY(verdict->text().contains(QStringLiteral("No server witness")));
        QCOMPARE(window.shownCount(), 21 * 24); // everything at first

        window.showPatient(QStringLiteral("P-4"));
        QCOMPARE(window.shownCount(), 21 * 24 / 9);
        // dr.wang over the second week only.
        window.showUser(QStringLiteral("dr.wang"), m_start.addDays(7), m_start.addDays(14));
        QCOMPARE(window.shownCount(), 7 * 24 * 5 / 6);
        window.showData(QStringLiteral("P-0"));
        QCOMPARE(window.shownCount(), 21 * 24 / 9);
        shell::testing::saveScreenshot(&window, QStringLiteral("audit-bundle-en"));
        auto *chart = window.findChild<ui::ActivityChart *>();
        QVERIFY(chart);
        chart->resize(900, 240);
        shell::testing::saveScreenshot(chart, QStringLiteral("audit-bundle-timeline-en"));

        // The read log: the opening list and the three questions, signed and chained.
        QFile file(readLog);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray lines = file.readAll();
        auto reads = AuditReadLog::verify(lines, m_auditor.publicKey());
        QVERIFY2(reads, qPrintable(reads ? QString() : reads.error().message));
        QCOMPARE(reads->size(), 4);
        QCOMPARE(reads->at(1).query, QStringLiteral("patient"));
        QCOMPARE(reads->at(1).parameters.value(u"pseudonym").toString(), QStringLiteral("P-4"));
        QCOMPARE(reads->at(2).parameters.value(u"user").toString(), QStringLiteral("dr.wang"));
        QCOMPARE(reads->at(3).bundleId, m_bundle->bundleId);
        // A line taken out is noticed.
        QList<QByteArray> split = lines.split('\n');
        split.removeAt(1);
        QVERIFY(!AuditReadLog::verify(split.join('\n'), m_auditor.publicKey()));
    }

    void noAnswerWithoutItsRecord()
    {
        // A read log that cannot be written: the question is not answered.
        ui::AuditBundleWindow window(*m_bundle, m_auditor,
                                     m_dir.filePath(QStringLiteral("no/such/dir/reads.log")));
        QCOMPARE(window.shownCount(), 0);
        window.showPatient(QStringLiteral("P-4"));
        QCOMPARE(window.shownCount(), 0);
    }

    void chineseInterface()
    {
        shell::testing::useLanguage(QStringLiteral("zh_CN"));
        ui::AuditBundleWindow window(*m_bundle, m_auditor, m_dir.filePath(QStringLiteral("reads-zh.log")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPatient(QStringLiteral("P-4"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("审计包")));
        shell::testing::saveScreenshot(&window, QStringLiteral("audit-bundle-zh_CN"));
        shell::testing::useLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(tst_AuditBundleWindow)
#include "tst_AuditBundleWindow.moc"
