// The workstation's screens for its link to mdp-grantd (issue 11): the administrators' Server page
// and the status bar's sync indicator, against a fake link that takes every state on demand. What
// Apply hands to the link, what each state says in plain words, the renewal warning, and a status
// told from the link's own thread reaching the screens.
#include "ServerPage.h"
#include "ServerStatusText.h"
#include "ServerStatusWatcher.h"
#include "SyncIndicator.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Signature.h"
#include "mdp/net/ui/NetFeature.h"
#include "mdp/pki/PrivateKeyPem.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Language.h"
#include "mdp/workbench/Theme.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMessageBox>
#include <QMutex>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace mdp;
using mdp::net::ui::ServerPage;
using mdp::net::ui::ServerStatusText;
using mdp::net::ui::ServerStatusWatcher;
using mdp::net::ui::SyncIndicator;
using State = workspace::ServerStatus::State;

namespace {

// A ServerLink whose answers the test sets; it remembers what it was asked.
class FakeServerLink final : public workspace::ServerLink
{
public:
    Result<void> configure(const workspace::ServerSettings &settings) override
    {
        QMutexLocker lock(&m_mutex);
        configured << settings;
        if (!configureAnswer.ok())
            return configureAnswer;
        stored = settings;
        stored->privateKeyPem.clear();
        current.state = State::Connecting;
        return {};
    }
    Result<void> disconnect() override
    {
        QMutexLocker lock(&m_mutex);
        ++disconnects;
        stored.reset();
        current = {};
        return {};
    }
    std::optional<workspace::ServerSettings> settings() const override
    {
        QMutexLocker lock(&m_mutex);
        return stored;
    }
    workspace::ServerStatus status() const override
    {
        QMutexLocker lock(&m_mutex);
        return current;
    }
    Result<workspace::ServerStatus> shipAuditNow() override
    {
        QMutexLocker lock(&m_mutex);
        ++shipments;
        shipThread = QThread::currentThread();
        return shipAnswer;
    }
    Result<void> setOfflineSignInHours(int hours) override
    {
        offlineHours = hours;
        return {};
    }
    int offlineSignInHours() const override { return offlineHours; }
    int offlineHours = 72;
    void setStatusListener(std::function<void(const workspace::ServerStatus &)> l) override
    {
        QMutexLocker lock(&m_mutex);
        listener = std::move(l);
    }

    // Tells the listener from a thread of the link's own, as the real link does.
    void tellFromAnotherThread(const workspace::ServerStatus &next)
    {
        {
            QMutexLocker lock(&m_mutex);
            current = next;
        }
        std::thread([this, next] {
            QMutexLocker lock(&m_mutex);
            if (listener)
                listener(next);
        }).join();
    }

    mutable QMutex m_mutex;
    workspace::ServerStatus current;
    std::optional<workspace::ServerSettings> stored;
    Result<void> configureAnswer;
    Result<workspace::ServerStatus> shipAnswer = workspace::ServerStatus{};
    QList<workspace::ServerSettings> configured;
    int disconnects = 0;
    int shipments = 0;
    QThread *shipThread = nullptr;
    std::function<void(const workspace::ServerStatus &)> listener;
};

template<typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("child %s not found", name);
    return found;
}

QString severityOf(QLabel *label)
{
    return label->isHidden() ? QStringLiteral("hidden") : label->property("severity").toString();
}

void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return answerNextMessageBox(button);
        box->button(button)->click();
    });
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    QDir dir(QStringLiteral(MDP_BINARY_DIR "/screenshots"));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    // A size change climbs one layout per pass (label, indicator, status bar).
    for (int pass = 0; pass < 4; ++pass)
        QCoreApplication::processEvents();
    const QPixmap pixmap = widget->grab();
    QVERIFY(!pixmap.isNull());
    QVERIFY(pixmap.save(dir.filePath(name + QStringLiteral(".png")), "PNG"));
}

} // namespace

class tst_ServerPage : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    QTemporaryDir m_dir;
    QString m_caFile, m_certificateFile, m_keyFile, m_otherKeyFile, m_notPemFile;
    QByteArray m_caPem, m_certificatePem, m_keyPem;
    crypto::Certificate m_ca;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    static QByteArray keyPem(const crypto::SigningKey &key)
    {
        const SecureBytes pem = pki::privateKeyPem(key.privateKeyDer());
        return pem.view().toByteArray();
    }

    workspace::ServerStatus connected() const
    {
        workspace::ServerStatus s;
        s.state = State::Connected;
        s.lastContact = m_clock.now().addSecs(-40);
        s.workstation = QStringLiteral("workstation-1");
        s.certificateExpires = m_clock.now().addDays(30);
        s.auditEvents = 1250;
        s.auditWitnessed = 1234;
        s.witnessedAt = m_clock.now().addSecs(-45);
        return s;
    }

    // The page as an administrator's (or another's) main window shows it, 1280×800 less the rail.
    struct Screen
    {
        FakeServerLink link;
        std::unique_ptr<ServerStatusWatcher> watcher;
        std::unique_ptr<ServerPage> page;
    };
    std::unique_ptr<Screen> screen(bool administers, const workspace::ServerStatus &status = {})
    {
        auto s = std::make_unique<Screen>();
        s->link.current = status;
        s->watcher = std::make_unique<ServerStatusWatcher>(s->link);
        s->page = std::make_unique<ServerPage>(*s->watcher, administers, m_clock);
        s->page->resize(1048, 740);
        s->page->show();
        return s;
    }

    void loadAll(ServerPage &page)
    {
        QVERIFY(page.loadPem(ServerPage::Pem::Authority, m_caFile));
        QVERIFY(page.loadPem(ServerPage::Pem::Certificate, m_certificateFile));
        QVERIFY(page.loadPem(ServerPage::Pem::PrivateKey, m_keyFile));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        workbench::Theme::apply(*qApp);
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("en")));

        auto caKey = crypto::SigningKey::generate(crypto::SignatureAlgorithm::EcdsaP256);
        QVERIFY(caKey);
        auto ca =
            crypto::Certificate::authority(*caKey, QStringLiteral("Site CA (Ruijin demo)"), 3650, m_clock);
        QVERIFY(ca);
        m_ca = *ca;
        auto key = crypto::SigningKey::generate(crypto::SignatureAlgorithm::EcdsaP256);
        QVERIFY(key);
        crypto::CertificateProfile profile;
        profile.commonName = QStringLiteral("workstation-1");
        profile.usage = crypto::CertificateUsage::Workstation;
        profile.validDays = 30;
        auto certificate = crypto::Certificate::issue(*caKey, *ca, key->publicKey(), profile, m_clock);
        QVERIFY(certificate);
        auto otherKey = crypto::SigningKey::generate(crypto::SignatureAlgorithm::EcdsaP256);
        QVERIFY(otherKey);

        m_caPem = ca->pem();
        m_certificatePem = certificate->pem();
        m_keyPem = keyPem(*key);
        m_caFile = write(QStringLiteral("ca.crt"), m_caPem);
        m_certificateFile = write(QStringLiteral("workstation.crt"), m_certificatePem);
        m_keyFile = write(QStringLiteral("workstation.key"), m_keyPem);
        m_otherKeyFile = write(QStringLiteral("other.key"), keyPem(*otherKey));
        m_notPemFile = write(QStringLiteral("notes.txt"), QByteArrayLiteral("not a certificate\n"));
        QVERIFY(!m_caFile.isEmpty() && !m_certificateFile.isEmpty() && !m_keyFile.isEmpty());
        QVERIFY(!m_otherKeyFile.isEmpty() && !m_notPemFile.isEmpty());
    }

    // the page is contributed to accounts that administer the workstation only; the status
    // bar's indicator to everyone.
    void thePageIsForAdministratorsOnly()
    {
        workbench::Contributions contributions;
        net::ui::contributeServerLink(contributions);
        QVERIFY(contributions.conflicts().isEmpty());
        auto ids = [&contributions](const QString &role) {
            QStringList found;
            for (const auto &page : contributions.pagesFor({role}))
                found << page.id;
            return found;
        };
        QCOMPARE(ids(QStringLiteral("system-admin")), QStringList{QStringLiteral("server")});
        for (const char *role :
             {"clinician", "data-manager", "reviewer", "researcher", "ethics-reviewer", "auditor"})
            QVERIFY2(ids(QString::fromLatin1(role)).isEmpty(), role);
        QVERIFY(!contributions.page(QStringLiteral("server"))->title().isEmpty());
        QCOMPARE(contributions.indicators().size(), 1);
        QCOMPARE(contributions.indicators().first().place,
                 workbench::IndicatorContribution::Place::StatusBar);
    }

    void withoutThePermissionThePageOnlyShowsTheStatus()
    {
        auto s = screen(false, connected());
        QVERIFY(!child<QFrame>(s->page.get(), "connectionCard")->isEnabled());
        QVERIFY(!child<QPushButton>(s->page.get(), "applyButton")->isEnabled());
        QVERIFY(!child<QPushButton>(s->page.get(), "caImportButton")->isEnabled());
        QVERIFY(!child<QPushButton>(s->page.get(), "shipButton")->isEnabled());
        QVERIFY(!child<QPushButton>(s->page.get(), "disconnectButton")->isEnabled());
        QCOMPARE(severityOf(child<QLabel>(s->page.get(), "serverMessage")), QStringLiteral("info"));
        QCOMPARE(child<QLabel>(s->page.get(), "stateLabel")->text(), QStringLiteral("Connected"));
        QVERIFY(s->link.configured.isEmpty());
    }

    void importedFilesShowSubjectIssuerValidityAndFingerprint()
    {
        auto s = screen(true);
        ServerPage &page = *s->page;
        QVERIFY(child<QPushButton>(&page, "caImportButton")->isEnabled());
        QCOMPARE(child<QLabel>(&page, "caDetails")->text(), QStringLiteral("Not imported."));
        loadAll(page);
        QString ca = child<QLabel>(&page, "caDetails")->text();
        QVERIFY2(ca.contains(QStringLiteral("Subject: Site CA (Ruijin demo)")), qPrintable(ca));
        QVERIFY(ca.contains(QStringLiteral(" · issued by CN=Site CA (Ruijin demo)")));
        QVERIFY(ca.contains(QStringLiteral("Valid: ")));
        const QString fingerprint = QString::fromLatin1(m_ca.fingerprint().toHex(':').toUpper());
        QVERIFY2(ca.replace(QLatin1Char('\n'), QLatin1Char(':'))
                     .contains(QStringLiteral("SHA-256: ") + fingerprint),
                 qPrintable(ca));
        QCOMPARE(severityOf(child<QLabel>(&page, "caCheck")), QStringLiteral("hidden"));

        const QString certificate = child<QLabel>(&page, "certificateDetails")->text();
        QVERIFY2(certificate.contains(QStringLiteral("Subject: workstation-1")), qPrintable(certificate));
        QVERIFY(certificate.contains(QStringLiteral("Site CA (Ruijin demo)")));
        QCOMPARE(severityOf(child<QLabel>(&page, "certificateCheck")), QStringLiteral("success"));
        QCOMPARE(severityOf(child<QLabel>(&page, "keyCheck")), QStringLiteral("success"));
        QVERIFY(child<QLabel>(&page, "keyDetails")->text().contains(QStringLiteral("ECDSA P-256")));
        // The key text itself is never shown.
        QVERIFY(!child<QLabel>(&page, "keyDetails")->text().contains(QStringLiteral("BEGIN")));

        QVERIFY(page.loadPem(ServerPage::Pem::PrivateKey, m_otherKeyFile));
        QCOMPARE(severityOf(child<QLabel>(&page, "keyCheck")), QStringLiteral("warning"));
        QVERIFY(!page.loadPem(ServerPage::Pem::Authority, m_notPemFile));
        QCOMPARE(severityOf(child<QLabel>(&page, "serverMessage")), QStringLiteral("error"));
        QVERIFY(!page.loadPem(ServerPage::Pem::PrivateKey, m_caFile));
        // A refused file leaves what was loaded before.
        QVERIFY(child<QLabel>(&page, "caDetails")->text().contains(QStringLiteral("Site CA (Ruijin demo)")));
        saveScreenshot(&page, QStringLiteral("net-server-page-imported-en"));
    }

    void applyPassesExactlyTheLoadedFields()
    {
        auto s = screen(true);
        ServerPage &page = *s->page;
        child<QLineEdit>(&page, "hostEdit")->setText(QStringLiteral("grantd.hospital.local"));
        child<QSpinBox>(&page, "portSpin")->setValue(9443);
        child<QLineEdit>(&page, "serverNameEdit")->setText(QStringLiteral("mdp-grantd"));
        loadAll(page);
        child<QPushButton>(&page, "applyButton")->click();

        QCOMPARE(s->link.configured.size(), 1);
        const workspace::ServerSettings &sent = s->link.configured.first();
        QCOMPARE(sent.host, QStringLiteral("grantd.hospital.local"));
        QCOMPARE(sent.port, quint16(9443));
        QCOMPARE(sent.serverName, QStringLiteral("mdp-grantd"));
        QCOMPARE(sent.caPem, m_caPem);
        QCOMPARE(sent.certificatePem, m_certificatePem);
        QCOMPARE(sent.privateKeyPem, m_keyPem);
        QCOMPARE(severityOf(child<QLabel>(&page, "serverMessage")), QStringLiteral("success"));
        // Once stored, the key leaves the page's memory; the stored settings are shown again.
        QVERIFY(page.pendingSettings().privateKeyPem.isEmpty());
        QCOMPARE(page.pendingSettings().caPem, m_caPem);
        QCOMPARE(child<QLabel>(&page, "stateLabel")->text(), QStringLiteral("Connecting…"));
        QVERIFY(
            child<QLabel>(&page, "addressValue")->text().contains(QStringLiteral("grantd.hospital.local")));
        QVERIFY(child<QPushButton>(&page, "disconnectButton")->isEnabled());
    }

    void applyShowsTheRefusalInPlainWords()
    {
        auto s = screen(true);
        ServerPage &page = *s->page;
        auto *message = child<QLabel>(&page, "serverMessage");
        child<QLineEdit>(&page, "hostEdit")->setText(QStringLiteral("10.0.0.5"));
        child<QLineEdit>(&page, "serverNameEdit")->setText(QStringLiteral("mdp-grantd"));
        // Nothing to send yet: the page says what is missing and does not call the link.
        child<QPushButton>(&page, "applyButton")->click();
        QCOMPARE(severityOf(message), QStringLiteral("warning"));
        QVERIFY(message->text().contains(QStringLiteral("site CA")));
        QVERIFY(s->link.configured.isEmpty());

        loadAll(page);
        s->link.configureAnswer = makeError(Error::Code::InvalidArgument,
                                            QStringLiteral("the certificate was not issued by this CA"));
        child<QPushButton>(&page, "applyButton")->click();
        QCOMPARE(s->link.configured.size(), 1);
        QCOMPARE(severityOf(message), QStringLiteral("error"));
        QVERIFY2(message->text().contains(QStringLiteral("not saved")), qPrintable(message->text()));
        QVERIFY(message->text().contains(QStringLiteral("the certificate was not issued by this CA")));
        // The key stays loaded for another try.
        QCOMPARE(page.pendingSettings().privateKeyPem, m_keyPem);

        s->link.configureAnswer = makeError(Error::Code::PermissionDenied, QStringLiteral("denied"));
        child<QPushButton>(&page, "applyButton")->click();
        QVERIFY2(message->text().contains(QStringLiteral("Only a system administrator")),
                 qPrintable(message->text()));
    }

    void eachStateRendersItsMessage_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("severity");
        QTest::addColumn<QString>("says");
        QTest::newRow("not configured") << int(State::NotConfigured) << QStringLiteral("Not configured")
                                        << QStringLiteral("info") << QStringLiteral("works on its own");
        QTest::newRow("connecting") << int(State::Connecting) << QStringLiteral("Connecting…")
                                    << QStringLiteral("info") << QStringLiteral("Connecting");
        QTest::newRow("connected") << int(State::Connected) << QStringLiteral("Connected")
                                   << QStringLiteral("success") << QStringLiteral("audit trail is sent");
        QTest::newRow("unreachable") << int(State::Unreachable) << QStringLiteral("Offline")
                                     << QStringLiteral("warning")
                                     << QStringLiteral("Work continues offline; changes wait in the queue");
        QTest::newRow("certificate refused")
            << int(State::CertificateRefused) << QStringLiteral("Certificate refused")
            << QStringLiteral("error")
            << QStringLiteral("Ask the administrator for a new workstation certificate");
        QTest::newRow("audit refused")
            << int(State::AuditRefused) << QStringLiteral("Audit refused") << QStringLiteral("error")
            << QStringLiteral("refused this workstation's audit trail");
    }

    void eachStateRendersItsMessage()
    {
        QFETCH(int, state);
        QFETCH(QString, name);
        QFETCH(QString, severity);
        QFETCH(QString, says);
        workspace::ServerStatus status = connected();
        status.state = State(state);
        status.message = status.state == State::Unreachable
                             ? QStringLiteral("connection refused (127.0.0.1:8443)")
                             : QStringLiteral("tlsv13 alert certificate revoked");
        if (status.state == State::NotConfigured)
            status = {};
        auto s = screen(true, status);
        SyncIndicator indicator(*s->watcher, m_clock);

        QCOMPARE(child<QLabel>(s->page.get(), "stateLabel")->text(), name);
        auto *stateMessage = child<QLabel>(s->page.get(), "stateMessage");
        QCOMPARE(severityOf(stateMessage), severity);
        QVERIFY2(stateMessage->text().contains(says), qPrintable(stateMessage->text()));
        // The link's own words follow the explanation where something went wrong.
        const bool failed = status.state == State::Unreachable || status.state == State::CertificateRefused ||
                            status.state == State::AuditRefused;
        QCOMPARE(stateMessage->text().contains(status.message) && !status.message.isEmpty(), failed);
        QCOMPARE(severityOf(child<QLabel>(s->page.get(), "expiryMessage")), QStringLiteral("hidden"));
        if (status.state != State::NotConfigured) {
            QCOMPARE(child<QLabel>(s->page.get(), "identityValue")->text(), QStringLiteral("workstation-1"));
            QCOMPARE(child<QLabel>(s->page.get(), "auditValue")->text(), QStringLiteral("1,250"));
            QVERIFY(child<QLabel>(s->page.get(), "witnessedValue")
                        ->text()
                        .startsWith(QStringLiteral("1,234 of 1,250")));
        }

        QCOMPARE(indicator.text(), name);
        QVERIFY2(indicator.toolTip().startsWith(QStringLiteral("Central server: ") + name),
                 qPrintable(indicator.toolTip()));
        QVERIFY(indicator.toolTip().contains(says));
        QCOMPARE(indicator.toolTip().contains(QStringLiteral("Last contact")),
                 status.state != State::NotConfigured);
    }

    // the offline queue and the conflicts of the site sync are on the page and in the
    // indicator's tooltip, in words; without a site key the sync is said to be off.
    void theSiteSyncIsShownWithItsQueueAndConflicts()
    {
        workspace::ServerStatus status = connected();
        auto off = screen(true, status);
        QVERIFY(child<QLabel>(off->page.get(), "syncValue")->text().startsWith(QStringLiteral("off")));

        status.state = State::Unreachable;
        status.syncEnabled = true;
        status.syncPending = 3;
        status.syncConflicts = 1;
        status.syncMessage = QStringLiteral("form-record abc: revision 4 refused, the site holds 4");
        auto s = screen(true, status);
        SyncIndicator indicator(*s->watcher, m_clock);
        const QString shown = child<QLabel>(s->page.get(), "syncValue")->text();
        QVERIFY2(shown.startsWith(QStringLiteral("3 changes waiting to be sent; 1 conflict:")),
                 qPrintable(shown));
        QVERIFY2(shown.contains(status.syncMessage), qPrintable(shown));
        QVERIFY2(indicator.toolTip().contains(QStringLiteral("Sync: 3 changes waiting")),
                 qPrintable(indicator.toolTip()));

        status.syncPending = 0;
        status.syncConflicts = 0;
        s->link.tellFromAnotherThread(status);
        QTRY_COMPARE(child<QLabel>(s->page.get(), "syncValue")->text(), QStringLiteral("up to date"));

        // In Chinese.
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
        QCOMPARE(ServerStatusText::syncSummary(status), QStringLiteral("已同步"));
        status.syncPending = 2;
        QCOMPARE(ServerStatusText::syncSummary(status), QStringLiteral("2 项更改等待发送"));
        // once the site's signed revocations were checked, how many certificates they revoke.
        status.revokedCertificates = 3;
        QCOMPARE(ServerStatusText::syncSummary(status),
                 QStringLiteral("2 项更改等待发送; 站点签名吊销列表：3 个证书已吊销"));
        // Issue 11 part 5: patients from the site that wait for a workspace holding the identity key.
        status.syncParked = 4;
        QCOMPARE(ServerStatusText::syncSummary(status),
                 QStringLiteral("2 项更改等待发送; 站点传来的 4 项患者更改等待可查看身份信息的用户在此登录; "
                                "站点签名吊销列表：3 个证书已吊销"));
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
        QCOMPARE(ServerStatusText::syncSummary(status),
                 QStringLiteral("2 changes waiting to be sent; 4 patient changes from the site waiting for "
                                "someone who may see identity to sign in here; 3 certificates revoked on the "
                                "site's signed list"));
        status.syncParked = 0;
        QCOMPARE(
            ServerStatusText::syncSummary(status),
            QStringLiteral("2 changes waiting to be sent; 3 certificates revoked on the site's signed list"));
    }

    // The link tells its listener on its own thread; the screens change on the GUI thread.
    void aStatusToldFromTheLinksThreadReachesTheScreens()
    {
        auto s = screen(true, connected());
        SyncIndicator indicator(*s->watcher, m_clock);
        QCOMPARE(indicator.text(), QStringLiteral("Connected"));
        QVERIFY(s->link.listener);
        workspace::ServerStatus offline = connected();
        offline.state = State::Unreachable;
        offline.message = QStringLiteral("timed out");
        s->link.tellFromAnotherThread(offline);
        QTRY_COMPARE(indicator.text(), QStringLiteral("Offline"));
        QCOMPARE(child<QLabel>(s->page.get(), "stateLabel")->text(), QStringLiteral("Offline"));
        // A watcher that goes stops listening: the link is not left calling into freed memory.
        s->page.reset();
        s->watcher.reset();
        QVERIFY(!s->link.listener);
    }

    void theCertificateExpiryIsFlaggedFourteenDaysAhead_data()
    {
        QTest::addColumn<qint64>("secondsLeft");
        QTest::addColumn<bool>("warned");
        QTest::addColumn<QString>("says");
        QTest::newRow("30 days") << qint64(30) * 86400 << false << QString();
        QTest::newRow("14 days") << qint64(14) * 86400 << false << QString();
        QTest::newRow("13 days 23 h") << qint64(14) * 86400 - 3600 << true << QStringLiteral("in 14 days");
        QTest::newRow("10 days") << qint64(10) * 86400 << true << QStringLiteral("in 10 days");
        QTest::newRow("2 hours") << qint64(7200) << true << QStringLiteral("in 1 day");
        QTest::newRow("expired") << qint64(-60) << true << QStringLiteral("expired on");
    }

    void theCertificateExpiryIsFlaggedFourteenDaysAhead()
    {
        QFETCH(qint64, secondsLeft);
        QFETCH(bool, warned);
        QFETCH(QString, says);
        workspace::ServerStatus status = connected();
        status.certificateExpires = m_clock.now().addSecs(secondsLeft);
        auto s = screen(true, status);
        SyncIndicator indicator(*s->watcher, m_clock);
        auto *expiry = child<QLabel>(s->page.get(), "expiryMessage");
        QCOMPARE(severityOf(expiry), warned ? QStringLiteral("warning") : QStringLiteral("hidden"));
        QCOMPARE(indicator.toolTip().contains(QStringLiteral("mdp pki renew")), warned);
        if (warned) {
            QVERIFY2(expiry->text().contains(says), qPrintable(expiry->text()));
            QVERIFY(expiry->text().contains(QStringLiteral("`mdp pki renew`")));
        }
    }

    void shipAuditNowRunsOffTheGuiThreadAndShowsTheWitness()
    {
        auto s = screen(true, connected());
        workspace::ServerStatus after = connected();
        after.auditEvents = 1300;
        after.auditWitnessed = 1300;
        s->link.shipAnswer = after;
        auto *ship = child<QPushButton>(s->page.get(), "shipButton");
        QVERIFY(ship->isEnabled());
        ship->click();
        QTRY_VERIFY(!s->page->isShipping());
        QCOMPARE(s->link.shipments, 1);
        QVERIFY(s->link.shipThread != QThread::currentThread());
        auto *message = child<QLabel>(s->page.get(), "serverMessage");
        QCOMPARE(severityOf(message), QStringLiteral("success"));
        QVERIFY2(message->text().contains(QStringLiteral("1,300 of this workstation's 1,300")),
                 qPrintable(message->text()));
        QCOMPARE(child<QLabel>(s->page.get(), "auditValue")->text(), QStringLiteral("1,300"));
        QVERIFY(child<QLabel>(s->page.get(), "witnessedValue")
                    ->text()
                    .startsWith(QStringLiteral("1,300 of 1,300")));
        QVERIFY(ship->isEnabled());

        workspace::ServerStatus refused = connected();
        refused.state = State::AuditRefused;
        refused.message = QStringLiteral("the shipment does not extend the server's copy");
        s->link.shipAnswer = refused;
        ship->click();
        QTRY_VERIFY(!s->page->isShipping());
        QCOMPARE(severityOf(message), QStringLiteral("error"));
        QVERIFY(message->text().contains(refused.message));
        QCOMPARE(child<QLabel>(s->page.get(), "stateLabel")->text(), QStringLiteral("Audit refused"));
    }

    void disconnectAsksThenLetsTheWorkstationWorkAlone()
    {
        auto s = screen(true, connected());
        s->link.stored = workspace::ServerSettings{};
        s->link.stored->caPem = m_caPem;
        s->link.stored->certificatePem = m_certificatePem;
        s->page->reloadSettings();
        QVERIFY(
            child<QLabel>(s->page.get(), "keyDetails")->text().contains(QStringLiteral("Stored encrypted")));
        // The link checks the key against the certificate on every change: Apply asks for it again.
        child<QLineEdit>(s->page.get(), "hostEdit")->setText(QStringLiteral("10.0.0.6"));
        child<QLineEdit>(s->page.get(), "serverNameEdit")->setText(QStringLiteral("mdp-grantd"));
        child<QPushButton>(s->page.get(), "applyButton")->click();
        QVERIFY(s->link.configured.isEmpty());
        QVERIFY(
            child<QLabel>(s->page.get(), "serverMessage")->text().contains(QStringLiteral("private key")));
        auto *disconnect = child<QPushButton>(s->page.get(), "disconnectButton");
        QVERIFY(disconnect->isEnabled());
        answerNextMessageBox(QMessageBox::Cancel);
        disconnect->click();
        QCOMPARE(s->link.disconnects, 0);
        answerNextMessageBox(QMessageBox::Yes);
        disconnect->click();
        QCOMPARE(s->link.disconnects, 1);
        QCOMPARE(child<QLabel>(s->page.get(), "stateLabel")->text(), QStringLiteral("Not configured"));
        QCOMPARE(child<QLabel>(s->page.get(), "caDetails")->text(), QStringLiteral("Not imported."));
        QVERIFY(!disconnect->isEnabled());
    }

    // For review: the page and the indicator in both languages (build/screenshots/net-*.png).
    void screenshotsInChineseAndEnglish_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void screenshotsInChineseAndEnglish()
    {
        QFETCH(QString, language);
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), language));
        const bool chinese = language == QStringLiteral("zh_CN");

        workspace::ServerStatus expiring = connected();
        expiring.certificateExpires = m_clock.now().addDays(9);
        auto s = screen(true, expiring);
        s->link.stored = workspace::ServerSettings{QStringLiteral("grantd.hospital.local"),
                                                   8443,
                                                   QStringLiteral("mdp-grantd"),
                                                   m_caPem,
                                                   m_certificatePem,
                                                   {},
                                                   {},
                                                   {}};
        s->page->reloadSettings();
        s->watcher->refresh();
        saveScreenshot(s->page.get(), QStringLiteral("net-server-page-connected-%1").arg(language));

        workspace::ServerStatus offline = connected();
        offline.state = State::Unreachable;
        offline.message = QStringLiteral("connection refused (10.0.0.5:8443)");
        s->watcher->update(offline);
        QVERIFY(s->page->loadPem(ServerPage::Pem::PrivateKey, m_keyFile));
        saveScreenshot(s->page.get(), QStringLiteral("net-server-page-offline-%1").arg(language));

        QMainWindow window;
        window.resize(1000, 120);
        window.setCentralWidget(new QWidget(&window));
        auto *bar = window.statusBar();
        bar->addPermanentWidget(new QLabel(
            chinese ? QStringLiteral("审计事件：1,250") : QStringLiteral("Audit events: 1,250"), bar));
        auto *indicator = new SyncIndicator(*s->watcher, m_clock, bar);
        bar->addPermanentWidget(indicator);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const struct
        {
            State state;
            const char *en;
            const char *zh;
        } states[] = {{State::Connected, "Connected", "已连接"},
                      {State::Unreachable, "Offline", "离线"},
                      {State::CertificateRefused, "Certificate refused", "证书被拒绝"},
                      {State::NotConfigured, "Not configured", "未配置"}};
        for (const auto &state : states) {
            workspace::ServerStatus status =
                state.state == State::NotConfigured ? workspace::ServerStatus{} : connected();
            status.state = state.state;
            if (state.state == State::CertificateRefused)
                status.message = QStringLiteral("tlsv13 alert certificate revoked");
            s->watcher->update(status);
            QCOMPARE(indicator->text(), chinese ? QString::fromUtf8(state.zh) : QString::fromUtf8(state.en));
            QVERIFY(!indicator->toolTip().isEmpty());
            saveScreenshot(bar, QStringLiteral("net-indicator-%1-%2")
                                    .arg(QString::fromLatin1(state.en).toLower().replace(QLatin1Char(' '),
                                                                                         QLatin1Char('-')),
                                         language));
            if (state.state == State::CertificateRefused)
                saveScreenshot(s->page.get(), QStringLiteral("net-server-page-refused-%1").arg(language));
        }
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
    }
};

QTEST_MAIN(tst_ServerPage)
#include "tst_ServerPage.moc"
