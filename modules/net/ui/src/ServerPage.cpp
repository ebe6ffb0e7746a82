#include "ServerPage.h"

#include "ServerStatusText.h"
#include "ServerStatusWatcher.h"
#include "mdp/crypto/Signature.h"
#include "mdp/pki/PrivateKeyPem.h"
#include "mdp/workbench/Background.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace mdp::net::ui {

namespace {

using State = workspace::ServerStatus::State;

// Certificates and keys are a few kilobytes; anything far larger is not one.
constexpr qint64 kMaxPemFile = 256 * 1024;

QPixmap stateDot(const QColor &color, qreal ratio)
{
    const int side = 14;
    QPixmap pixmap(QSize(side, side) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, side - 2, side - 2));
    return pixmap;
}

// "AB:CD:..." in two lines of 16 bytes, so it fits beside the other facts.
QString fingerprintText(const QByteArray &sha256)
{
    const QString hex = QString::fromLatin1(sha256.toHex(':').toUpper());
    const int half = int(sha256.size() / 2) * 3;
    return hex.size() > half ? hex.left(half - 1) + QLatin1Char('\n') + hex.mid(half) : hex;
}

Result<crypto::SigningKey> parseKey(QByteArrayView pem)
{
    auto der = pki::privateKeyDerFromPem(pem);
    if (!der)
        return der.error();
    return crypto::SigningKey::fromPrivateDer(der->view());
}

void wipe(QByteArray &bytes)
{
    bytes.fill('\0');
    bytes.clear();
}

} // namespace

ServerPage::ServerPage(ServerStatusWatcher &watcher, bool administers, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_watcher(watcher)
    , m_link(watcher.link())
    , m_clock(clock)
    , m_administers(administers)
    , m_message(workbench::makeMessageLabel(this))
{
    m_message->setObjectName(QStringLiteral("serverMessage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("serverScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("serverContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(12);
    layout->addWidget(workbench::makePageHeader(
        tr("Central server"),
        tr("Where this workstation's central server (mdp-grantd) is and who the workstation is to it. "
           "The connection is mutual TLS: the site CA vouches for the server, the workstation "
           "certificate and its key for this workstation. The audit trail is sent to the server, which "
           "keeps the central copy and counter-signs it."),
        content));
    layout->addWidget(m_message);

    auto *cards = new QHBoxLayout;
    cards->setSpacing(16);
    cards->addWidget(buildConnectionCard(), 3, Qt::AlignTop);
    cards->addWidget(buildStatusCard(), 2, Qt::AlignTop);
    layout->addLayout(cards);
    layout->addStretch(1);
    scroll->setWidget(content);

    if (!m_administers)
        workbench::showMessage(m_message, workbench::Severity::Info,
                               tr("Only system administrators change the link to the central server; "
                                  "its status is shown here for everyone who may open this page."));

    connect(&m_watcher, &ServerStatusWatcher::statusChanged, this, &ServerPage::showStatus);
    reloadSettings();
    showStatus();
}

ServerPage::~ServerPage()
{
    // The shipping worker uses the link: it finishes before the page (and the workspace after it) goes.
    if (m_shipping && m_shipping->isRunning())
        m_shipping->wait();
    wipeKey();
}

QFrame *ServerPage::buildConnectionCard()
{
    QFrame *card = workbench::makeCard(this);
    card->setObjectName(QStringLiteral("connectionCard"));
    QVBoxLayout *layout = workbench::cardLayout(card, tr("Connection"));

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    form->setHorizontalSpacing(16);
    m_host = new QLineEdit(card);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setPlaceholderText(tr("e.g. grantd.hospital.local or 10.0.0.5"));
    form->addRow(tr("Server &address"), m_host);
    m_port = new QSpinBox(card);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setGroupSeparatorShown(false);
    m_port->setMaximumWidth(120);
    form->addRow(tr("P&ort"), m_port);
    m_serverName = new QLineEdit(card);
    m_serverName->setObjectName(QStringLiteral("serverNameEdit"));
    m_serverName->setToolTip(tr("The name in the server's certificate; the connection is refused when "
                                "the server presents another"));
    form->addRow(tr("Server &name"), m_serverName);
    layout->addLayout(form);

    addPemBlock(layout, Pem::Authority, tr("Site CA certificate"), QStringLiteral("ca"));
    addPemBlock(layout, Pem::Certificate, tr("Workstation certificate"), QStringLiteral("certificate"));
    addPemBlock(layout, Pem::PrivateKey, tr("Workstation private key"), QStringLiteral("key"));

    auto *buttons = new QHBoxLayout;
    m_apply = workbench::makeAccentButton(tr("A&pply"), card);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setToolTip(tr("Checks the certificate against the site CA and the key against the "
                           "certificate, stores the settings encrypted in the workspace and connects"));
    m_disconnect =
        new QPushButton(workbench::Theme::icon(QStringLiteral("x-circle")), tr("&Disconnect"), card);
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    m_disconnect->setToolTip(tr("The workstation works on its own again"));
    buttons->addWidget(m_apply);
    buttons->addWidget(m_disconnect);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    card->setEnabled(m_administers);
    connect(m_apply, &QPushButton::clicked, this, &ServerPage::apply);
    connect(m_disconnect, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(
            this, tr("Disconnect"),
            tr("Disconnect this workstation from the central server?\n\nIt then works on its own: "
               "nothing is sent to the server until a server is configured again."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            disconnectServer();
    });
    return card;
}

void ServerPage::addPemBlock(QLayout *layout, Pem kind, const QString &title, const QString &objectName)
{
    auto *block = new QFrame(this);
    block->setObjectName(objectName + QStringLiteral("Block"));
    auto *blockLayout = new QVBoxLayout(block);
    blockLayout->setContentsMargins(0, 8, 0, 0);
    blockLayout->setSpacing(4);
    auto *header = new QHBoxLayout;
    header->addWidget(workbench::makeLabel(title, QStringLiteral("sectionTitle"), block), 1);
    PemBlock &pem = m_pems[int(kind)];
    pem.import = new QPushButton(workbench::Theme::icon(QStringLiteral("folder")), tr("Import…"), block);
    pem.import->setObjectName(objectName + QStringLiteral("ImportButton"));
    pem.import->setToolTip(kind == Pem::PrivateKey ? tr("Chooses the key file (PEM, unencrypted PKCS#8)")
                                                   : tr("Chooses the certificate file (PEM)"));
    header->addWidget(pem.import);
    blockLayout->addLayout(header);
    pem.details = workbench::makeLabel(QString(), QStringLiteral("factValue"), block);
    pem.details->setObjectName(objectName + QStringLiteral("Details"));
    pem.details->setTextFormat(Qt::PlainText);
    pem.details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    blockLayout->addWidget(pem.details);
    pem.check = workbench::makeMessageLabel(block);
    pem.check->setObjectName(objectName + QStringLiteral("Check"));
    blockLayout->addWidget(pem.check);
    layout->addWidget(block);
    connect(pem.import, &QPushButton::clicked, this, [this, kind] { choosePem(kind); });
}

QFrame *ServerPage::buildStatusCard()
{
    QFrame *card = workbench::makeCard(this);
    card->setObjectName(QStringLiteral("statusCard"));
    QVBoxLayout *layout = workbench::cardLayout(card, tr("Status"));

    auto *headline = new QHBoxLayout;
    headline->setSpacing(8);
    m_stateDot = new QLabel(card);
    m_stateDot->setObjectName(QStringLiteral("stateDot"));
    headline->addWidget(m_stateDot, 0, Qt::AlignVCenter);
    m_state = workbench::makeLabel(QString(), QStringLiteral("stateLabel"), card);
    QFont large = m_state->font();
    large.setPointSizeF(large.pointSizeF() * 1.4);
    large.setWeight(QFont::DemiBold);
    m_state->setFont(large);
    headline->addWidget(m_state, 1);
    layout->addLayout(headline);
    m_stateMessage = workbench::makeMessageLabel(card);
    m_stateMessage->setObjectName(QStringLiteral("stateMessage"));
    layout->addWidget(m_stateMessage);
    m_expiryMessage = workbench::makeMessageLabel(card);
    m_expiryMessage->setObjectName(QStringLiteral("expiryMessage"));
    layout->addWidget(m_expiryMessage);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(6);
    grid->setColumnStretch(1, 1);
    auto fact = [grid](const QString &name, const QString &objectName) {
        QLabel *value = workbench::addFact(grid, name);
        value->setObjectName(objectName);
        value->setTextFormat(Qt::PlainText);
        return value;
    };
    m_address = fact(tr("Server"), QStringLiteral("addressValue"));
    m_lastContact = fact(tr("Last contact"), QStringLiteral("lastContactValue"));
    m_identity = fact(tr("This workstation"), QStringLiteral("identityValue"));
    m_expires = fact(tr("Certificate valid until"), QStringLiteral("expiresValue"));
    m_audit = fact(tr("Audit events here"), QStringLiteral("auditValue"));
    m_witnessed = fact(tr("Witnessed by the server"), QStringLiteral("witnessedValue"));
    m_sync = fact(tr("Site sync"), QStringLiteral("syncValue"));
    layout->addLayout(grid);

    auto *buttons = new QHBoxLayout;
    m_ship = new QPushButton(workbench::Theme::icon(QStringLiteral("refresh")), tr("&Ship audit now"), card);
    m_ship->setObjectName(QStringLiteral("shipButton"));
    m_ship->setToolTip(tr("Sends the audit events the server does not hold yet and fetches its "
                          "counter-signature (the workstation also does this by itself)"));
    buttons->addWidget(m_ship);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_ship, &QPushButton::clicked, this, &ServerPage::shipAuditNow);
    return card;
}

void ServerPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_watcher.refresh();
}

void ServerPage::reloadSettings()
{
    const std::optional<workspace::ServerSettings> stored = m_link.settings();
    m_configured = stored.has_value();
    const workspace::ServerSettings settings = stored.value_or(workspace::ServerSettings{});
    m_host->setText(stored ? settings.host : QString());
    m_port->setValue(settings.port);
    m_serverName->setText(stored ? settings.serverName : QString());
    m_storedAddress =
        stored ? tr("%1:%2 (%3)").arg(settings.host, QString::number(settings.port), settings.serverName)
               : QString();
    m_caPem = settings.caPem;
    m_certificatePem = settings.certificatePem;
    m_ca = crypto::Certificate();
    m_certificate = crypto::Certificate();
    if (!m_caPem.isEmpty())
        if (auto ca = crypto::Certificate::fromPem(m_caPem))
            m_ca = ca.value();
    if (!m_certificatePem.isEmpty())
        if (auto certificate = crypto::Certificate::fromPem(m_certificatePem))
            m_certificate = certificate.value();
    wipeKey();
    showPems();
    updateButtons();
}

bool ServerPage::loadPem(Pem kind, const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("%1 could not be read: %2").arg(name, file.errorString()));
        return false;
    }
    if (file.size() > kMaxPemFile) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("%1 is too large for a certificate or a key.").arg(name));
        return false;
    }
    QByteArray bytes = file.readAll();
    switch (kind) {
    case Pem::Authority:
    case Pem::Certificate: {
        auto parsed = crypto::Certificate::fromPem(bytes);
        if (!parsed) {
            workbench::showMessage(
                m_message, workbench::Severity::Error,
                tr("%1 is not a certificate in PEM form (\"-----BEGIN CERTIFICATE-----\").").arg(name));
            return false;
        }
        if (kind == Pem::Authority) {
            m_ca = parsed.value();
            m_caPem = bytes;
        } else {
            m_certificate = parsed.value();
            m_certificatePem = bytes;
        }
        break;
    }
    case Pem::PrivateKey: {
        const Result<crypto::SigningKey> key = parseKey(bytes);
        if (!key) {
            const bool encrypted = bytes.contains("ENCRYPTED PRIVATE KEY");
            wipe(bytes);
            workbench::showMessage(m_message, workbench::Severity::Error,
                                   !encrypted
                                       ? tr("%1 is not a private key in PEM form (\"-----BEGIN PRIVATE "
                                            "KEY-----\").")
                                             .arg(name)
                                       : tr("%1 holds an encrypted key; the workstation needs the key as "
                                            "`mdp pki issue workstation` writes it (unencrypted PKCS#8).")
                                             .arg(name));
            return false;
        }
        wipeKey();
        m_keyPem = bytes;
        m_keyLoaded = true;
        wipe(bytes);
        break;
    }
    }
    workbench::showMessage(m_message, workbench::Severity::None, QString());
    showPems();
    updateButtons();
    return true;
}

void ServerPage::choosePem(Pem kind)
{
    const QString title = kind == Pem::Authority     ? tr("Import the site CA certificate")
                          : kind == Pem::Certificate ? tr("Import the workstation certificate")
                                                     : tr("Import the workstation's private key");
    const QString filter = kind == Pem::PrivateKey ? tr("Keys (*.key *.pem);;All files (*)")
                                                   : tr("Certificates (*.crt *.pem *.cer);;All files (*)");
    const QString path = QFileDialog::getOpenFileName(this, title, QString(), filter);
    if (!path.isEmpty())
        loadPem(kind, path);
}

void ServerPage::showPems()
{
    const QDateTime now = m_clock.now();
    auto describe = [](const crypto::Certificate &c) {
        return tr("Subject: %1 · issued by %2\nValid: %3 to %4\nSHA-256: %5")
            .arg(c.commonName().isEmpty() ? c.subject() : c.commonName(), c.issuer(),
                 workbench::formatDateTime(c.notBefore()), workbench::formatDateTime(c.notAfter()),
                 fingerprintText(c.fingerprint()));
    };

    PemBlock &ca = m_pems[int(Pem::Authority)];
    if (m_ca.isNull()) {
        ca.details->setText(tr("Not imported."));
        workbench::showMessage(ca.check, workbench::Severity::None, QString());
    } else {
        ca.details->setText(describe(m_ca));
        if (!m_ca.isAuthority())
            workbench::showMessage(ca.check, workbench::Severity::Warning,
                                   tr("This is not a certificate authority: import the site CA's own "
                                      "certificate (ca.crt)."));
        else if (!m_ca.isValidAt(now))
            workbench::showMessage(ca.check, workbench::Severity::Warning,
                                   tr("The site CA certificate is not valid now."));
        else
            workbench::showMessage(ca.check, workbench::Severity::None, QString());
    }

    PemBlock &certificate = m_pems[int(Pem::Certificate)];
    if (m_certificate.isNull()) {
        certificate.details->setText(tr("Not imported."));
        workbench::showMessage(certificate.check, workbench::Severity::None, QString());
    } else {
        certificate.details->setText(describe(m_certificate));
        const QString expiry = ServerStatusText::expiryWarning(m_certificate.notAfter(), now);
        Result<void> chain =
            m_ca.isNull()
                ? Result<void>()
                : m_certificate.verifyIssuedBy(m_ca, nullptr, crypto::CertificateUsage::Workstation, now);
        if (!chain)
            workbench::showMessage(
                certificate.check, workbench::Severity::Warning,
                tr("The site CA does not vouch for this certificate as a workstation's: %1")
                    .arg(chain.error().message));
        else if (!expiry.isEmpty())
            workbench::showMessage(certificate.check, workbench::Severity::Warning, expiry);
        else if (!m_ca.isNull())
            workbench::showMessage(certificate.check, workbench::Severity::Success,
                                   tr("Issued by the site CA for a workstation."));
        else
            workbench::showMessage(certificate.check, workbench::Severity::None, QString());
    }

    PemBlock &key = m_pems[int(Pem::PrivateKey)];
    if (m_keyLoaded) {
        const Result<crypto::SigningKey> signing = parseKey(m_keyPem);
        const QString algorithm =
            signing
                ? (signing->algorithm() == crypto::SignatureAlgorithm::Sm2 ? tr("SM2") : tr("ECDSA P-256"))
                : QString();
        key.details->setText(
            tr("Loaded: %1 key (kept in memory until Apply stores it encrypted).").arg(algorithm));
        if (signing && !m_certificate.isNull() && !(signing->publicKey() == m_certificate.publicKey()))
            workbench::showMessage(key.check, workbench::Severity::Warning,
                                   tr("This key does not belong to the workstation certificate."));
        else if (signing && !m_certificate.isNull())
            workbench::showMessage(key.check, workbench::Severity::Success,
                                   tr("Belongs to the workstation certificate."));
        else
            workbench::showMessage(key.check, workbench::Severity::None, QString());
    } else {
        key.details->setText(m_configured ? tr("Stored encrypted in the workspace; never shown. Import it "
                                               "again with any change.")
                                          : tr("Not imported."));
        workbench::showMessage(key.check, workbench::Severity::None, QString());
    }
}

workspace::ServerSettings ServerPage::pendingSettings() const
{
    workspace::ServerSettings settings;
    settings.host = m_host->text().trimmed();
    settings.port = quint16(m_port->value());
    settings.serverName = m_serverName->text().trimmed();
    settings.caPem = m_caPem;
    settings.certificatePem = m_certificatePem;
    settings.privateKeyPem = m_keyPem;
    return settings;
}

void ServerPage::apply()
{
    QString missing;
    if (m_host->text().trimmed().isEmpty())
        missing = tr("Enter the server's address.");
    else if (m_serverName->text().trimmed().isEmpty())
        missing = tr("Enter the server's name as its certificate gives it.");
    else if (m_caPem.isEmpty())
        missing = tr("Import the site CA certificate.");
    else if (m_certificatePem.isEmpty())
        missing = tr("Import the workstation certificate.");
    else if (!m_keyLoaded) // the link checks the key against the certificate on every change
        missing = tr("Import the workstation's private key.");
    if (!missing.isEmpty()) {
        workbench::showMessage(m_message, workbench::Severity::Warning, missing);
        return;
    }

    workspace::ServerSettings settings = pendingSettings();
    const Result<void> done = m_link.configure(settings);
    wipe(settings.privateKeyPem);
    if (!done) {
        const Error &error = done.error();
        QString text;
        switch (error.code) {
        case Error::Code::PermissionDenied:
            text = tr("Only a system administrator may change the link to the central server.");
            break;
        case Error::Code::InvalidArgument:
            text = tr("The settings were not saved, they do not fit together: %1").arg(error.message);
            break;
        default:
            text = tr("The settings could not be saved: %1").arg(error.message);
            break;
        }
        workbench::showMessage(m_message, workbench::Severity::Error, text);
        return;
    }
    reloadSettings();
    m_watcher.refresh();
    workbench::showMessage(
        m_message, workbench::Severity::Success,
        tr("Saved. The workstation connects to %1, port %2.").arg(settings.host).arg(settings.port));
}

void ServerPage::disconnectServer()
{
    const Result<void> done = m_link.disconnect();
    if (!done) {
        workbench::showMessage(
            m_message, workbench::Severity::Error,
            done.error().code == Error::Code::PermissionDenied
                ? tr("Only a system administrator may change the link to the central "
                     "server.")
                : tr("The workstation could not be disconnected: %1").arg(done.error().message));
        return;
    }
    reloadSettings();
    m_watcher.refresh();
    workbench::showMessage(m_message, workbench::Severity::Info,
                           tr("Disconnected. The workstation works on its own."));
}

void ServerPage::shipAuditNow()
{
    if (isShipping())
        return;
    workspace::ServerLink *link = &m_link;
    workbench::showMessage(m_message, workbench::Severity::Info,
                           tr("Sending the audit trail to the server…"));
    m_shipping = workbench::runInBackground<Result<workspace::ServerStatus>>(
        this, [link] { return link->shipAuditNow(); },
        [this](Result<workspace::ServerStatus> &shipped) {
            m_shipping = nullptr;
            if (shipped) {
                m_watcher.update(shipped.value());
                const workspace::ServerStatus &status = shipped.value();
                if (status.state == State::Connected)
                    workbench::showMessage(
                        m_message, workbench::Severity::Success,
                        tr("Shipped. The server holds %1 of this workstation's %2 audit events.")
                            .arg(QLocale().toString(status.auditWitnessed),
                                 QLocale().toString(status.auditEvents)));
                else
                    workbench::showMessage(m_message, ServerStatusText::severity(status.state),
                                           ServerStatusText::details(status));
            } else {
                m_watcher.refresh();
                workbench::showMessage(
                    m_message, workbench::Severity::Error,
                    shipped.error().code == Error::Code::PermissionDenied
                        ? tr("Only a system administrator may ship the audit trail from "
                             "here.")
                        : tr("The audit trail was not shipped: %1").arg(shipped.error().message));
            }
            updateButtons();
        });
    updateButtons();
}

bool ServerPage::isShipping() const
{
    return m_shipping != nullptr;
}

void ServerPage::showStatus()
{
    const workspace::ServerStatus &status = m_watcher.status();
    m_stateDot->setPixmap(stateDot(ServerStatusText::color(status.state), devicePixelRatioF()));
    m_state->setText(ServerStatusText::stateName(status.state));
    workbench::showMessage(m_stateMessage, ServerStatusText::severity(status.state),
                           ServerStatusText::details(status));
    const bool configured = status.state != State::NotConfigured;
    workbench::showMessage(
        m_expiryMessage, workbench::Severity::Warning,
        configured ? ServerStatusText::expiryWarning(status.certificateExpires, m_clock.now()) : QString());

    const QString dash = QStringLiteral("—");
    m_address->setText(m_storedAddress.isEmpty() ? dash : m_storedAddress);
    m_lastContact->setText(status.lastContact.isValid() ? workbench::formatDateTime(status.lastContact)
                           : configured                 ? tr("never")
                                                        : dash);
    m_identity->setText(status.workstation.isEmpty() ? dash : status.workstation);
    m_expires->setText(
        status.certificateExpires.isValid() ? workbench::formatDateTime(status.certificateExpires) : dash);
    const QLocale locale;
    m_audit->setText(locale.toString(status.auditEvents));
    m_sync->setText(configured ? ServerStatusText::syncSummary(status) : dash);
    if (status.auditWitnessed <= 0)
        m_witnessed->setText(configured ? tr("none yet") : dash);
    else if (status.witnessedAt.isValid())
        m_witnessed->setText(tr("%1 of %2, at %3")
                                 .arg(locale.toString(status.auditWitnessed),
                                      locale.toString(status.auditEvents),
                                      workbench::formatDateTime(status.witnessedAt)));
    else
        m_witnessed->setText(
            tr("%1 of %2").arg(locale.toString(status.auditWitnessed), locale.toString(status.auditEvents)));
    updateButtons();
}

void ServerPage::updateButtons()
{
    const bool configured = m_configured || m_watcher.status().state != State::NotConfigured;
    m_disconnect->setEnabled(m_administers && configured);
    m_ship->setEnabled(m_administers && configured && !isShipping());
    for (PemBlock &pem : m_pems)
        pem.import->setEnabled(m_administers);
}

void ServerPage::wipeKey()
{
    wipe(m_keyPem);
    m_keyLoaded = false;
}

} // namespace mdp::net::ui
