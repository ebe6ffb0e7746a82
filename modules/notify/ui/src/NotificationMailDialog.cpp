#include "NotificationMailDialog.h"

// Built only with the mail module (the shell links it when present).
#if __has_include("mdp/mail/MailSettings.h")

#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/mail/MailSettings.h"
#include "mdp/mail/SmtpClient.h"
#include "mdp/workbench/Background.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace mdp::notify::ui {

NotificationMailDialog::NotificationMailDialog(workbench::SessionContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_from(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_testTo(new QLineEdit(this))
    , m_test(new QPushButton(tr("Send test message"), this))
    , m_save(nullptr)
    , m_status(workbench::makeMessageLabel(this))
{
    setObjectName(QStringLiteral("mailRelayDialog"));
    setWindowTitle(tr("Mail relay"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(10);
    layout->addWidget(workbench::makeLabel(tr("E-mail notices"), QStringLiteral("sectionTitle"), this));
    layout->addWidget(workbench::makeLabel(
        tr("Review notices are also e-mailed through this relay, always over TLS with a "
           "verified certificate. "
           "A message names the form, the record and the patient's pseudonymous ID only."),
        QStringLiteral("muted"), this));

    auto *form = new QFormLayout;
    form->setSpacing(8);
    m_host->setObjectName(QStringLiteral("mailHostEdit"));
    m_host->setPlaceholderText(QStringLiteral("smtp.hospital.example"));
    form->addRow(tr("Relay host"), m_host);
    m_port->setObjectName(QStringLiteral("mailPortSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(587);
    m_security->setObjectName(QStringLiteral("mailSecurityCombo"));
    m_security->addItem(tr("STARTTLS (usually port 587)"), int(mail::MailSecurity::StartTls));
    m_security->addItem(tr("Implicit TLS (usually port 465)"), int(mail::MailSecurity::ImplicitTls));
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addWidget(m_security, 1);
    form->addRow(tr("Port and security"), portRow);
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        const auto security = mail::MailSecurity(m_security->currentData().toInt());
        if (m_port->value() == 587 && security == mail::MailSecurity::ImplicitTls)
            m_port->setValue(465);
        else if (m_port->value() == 465 && security == mail::MailSecurity::StartTls)
            m_port->setValue(587);
    });
    m_user->setObjectName(QStringLiteral("mailUserEdit"));
    m_user->setPlaceholderText(tr("empty when the relay needs no sign-in"));
    form->addRow(tr("User name"), m_user);
    m_password->setObjectName(QStringLiteral("mailPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    workbench::addRevealAction(m_password);
    form->addRow(tr("Password"), m_password);
    m_from->setObjectName(QStringLiteral("mailFromEdit"));
    m_from->setPlaceholderText(QStringLiteral("mdp-notices@hospital.example"));
    form->addRow(tr("Sender address"), m_from);
    m_caFile->setObjectName(QStringLiteral("mailCaFileEdit"));
    m_caFile->setPlaceholderText(tr("optional: PEM file of the relay's CA"));
    auto *browse = new QToolButton(this);
    browse->setIcon(workbench::Theme::icon(QStringLiteral("folder")));
    browse->setToolTip(tr("Choose a CA certificate file"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caFile->text(),
                                         tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    form->addRow(tr("CA certificate"), caRow);
    layout->addLayout(form);

    auto *testRow = new QHBoxLayout;
    m_testTo->setObjectName(QStringLiteral("mailTestToEdit"));
    m_testTo->setPlaceholderText(tr("test recipient address"));
    testRow->addWidget(m_testTo, 1);
    m_test->setObjectName(QStringLiteral("mailTestButton"));
    m_test->setToolTip(tr("Send a short message through the relay with these settings (not saved yet)"));
    testRow->addWidget(m_test);
    layout->addLayout(testRow);
    m_status->setObjectName(QStringLiteral("mailStatus"));
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("mailSaveButton"));
    m_save->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &NotificationMailDialog::sendTest);
    layout->addWidget(buttons);
    for (QLineEdit *edit : {m_host, m_from, m_testTo})
        connect(edit, &QLineEdit::textChanged, this, &NotificationMailDialog::updateButtons);
    load();
    updateButtons();
}

NotificationMailDialog::~NotificationMailDialog()
{
    // The test owns its copy of the settings; waiting bounds how long a closed dialog lingers.
    if (m_testThread)
        m_testThread->wait();
}

void NotificationMailDialog::load()
{
    if (m_context.isBusy())
        return;
    auto settings = mail::MailSettings::load(m_context.workspace().database());
    if (!settings) {
        if (settings.error().code != Error::Code::NotFound)
            workbench::showMessage(
                m_status, workbench::Severity::Error,
                tr("The stored settings could not be read: %1").arg(settings.error().message));
        return;
    }
    m_host->setText(settings->host);
    m_security->setCurrentIndex(std::max(0, m_security->findData(int(settings->security))));
    m_port->setValue(settings->port);
    m_user->setText(settings->username);
    m_from->setText(settings->fromAddress);
    m_caFile->setText(settings->caCertificate);
    m_hadPassword = !settings->password.isEmpty();
    // The stored password is never shown; leaving the field empty keeps it.
    m_password->setPlaceholderText(m_hadPassword ? tr("unchanged (stored encrypted)") : QString());
}

void NotificationMailDialog::updateButtons()
{
    const bool complete = !m_host->text().trimmed().isEmpty() && !m_from->text().trimmed().isEmpty();
    m_save->setEnabled(complete);
    m_test->setEnabled(complete && !m_testTo->text().trimmed().isEmpty() && !isTesting());
}

namespace {

mail::MailSettings settingsFrom(const QLineEdit *host, const QSpinBox *port, const QComboBox *security,
                                const QLineEdit *user, const QLineEdit *password, const QLineEdit *from,
                                const QLineEdit *caFile)
{
    mail::MailSettings s;
    s.host = host->text().trimmed();
    s.port = port->value();
    s.security = mail::MailSecurity(security->currentData().toInt());
    s.username = user->text().trimmed();
    QByteArray secret = password->text().toUtf8();
    s.password = SecureBytes::takeFrom(secret);
    s.fromAddress = from->text().trimmed();
    s.caCertificate = caFile->text().trimmed();
    return s;
}

} // namespace

bool NotificationMailDialog::save()
{
    if (m_context.isBusy()) {
        workbench::showMessage(m_status, workbench::Severity::Warning,
                               tr("Another task is running; try again when it has finished."));
        return false;
    }
    mail::MailSettings settings =
        settingsFrom(m_host, m_port, m_security, m_user, m_password, m_from, m_caFile);
    if (settings.password.isEmpty() && m_hadPassword && !settings.username.isEmpty()) {
        if (auto stored = mail::MailSettings::load(m_context.workspace().database()))
            settings.password = stored->password;
    }
    if (auto saved = settings.save(m_context.workspace().database()); !saved) {
        workbench::showMessage(m_status, workbench::Severity::Error,
                               tr("The settings were not saved: %1").arg(saved.error().message));
        return false;
    }
    audit::AuditEvent event;
    event.type = audit::EventType::SystemConfigChange.toString();
    event.action = audit::AuditAction::Update;
    event.detail = QJsonObject{{QStringLiteral("setting"), QStringLiteral("mail.relay")},
                               {QStringLiteral("relay"), settings.describe()}};
    if (auto recorded = m_context.workspace().record(event); !recorded)
        workbench::showMessage(
            m_status, workbench::Severity::Warning,
            tr("Saved, but the change could not be audited: %1").arg(recorded.error().message));
    m_context.notifyChanged();
    return true;
}

bool NotificationMailDialog::sendTest()
{
    if (isTesting())
        return false;
    mail::MailSettings settings =
        settingsFrom(m_host, m_port, m_security, m_user, m_password, m_from, m_caFile);
    if (settings.password.isEmpty() && m_hadPassword && !settings.username.isEmpty() && !m_context.isBusy()) {
        if (auto stored = mail::MailSettings::load(m_context.workspace().database()))
            settings.password = stored->password;
    }
    if (auto valid = settings.validate(); !valid) {
        workbench::showMessage(m_status, workbench::Severity::Error, valid.error().message);
        return false;
    }
    const QString to = m_testTo->text().trimmed();
    if (!mail::isPlainMailAddress(to)) {
        workbench::showMessage(m_status, workbench::Severity::Error,
                               tr("The test recipient is not a plain e-mail address."));
        return false;
    }
    mail::MailMessage message;
    message.from = settings.fromAddress;
    message.to = QStringList{to};
    message.subject = tr("MDP test message");
    message.body = tr("This message checks the mail relay of the MDP workstation. No patient data is in it.");
    workbench::showMessage(m_status, workbench::Severity::Info,
                           tr("Sending a test message through %1…").arg(settings.describe()));
    auto shared = std::make_shared<mail::MailSettings>(std::move(settings));
    m_testThread = workbench::runInBackground<Result<QString>>(
        this,
        [shared, message]() -> Result<QString> {
            mail::SmtpClient client(*shared);
            if (auto sent = client.send(message); !sent)
                return sent.error();
            const QString protocol = client.tlsProtocol();
            client.close();
            return protocol;
        },
        [this](Result<QString> &sent) {
            m_testThread = nullptr;
            updateButtons();
            if (sent)
                workbench::showMessage(m_status, workbench::Severity::Success,
                                       tr("The relay accepted the test message (%1).").arg(sent.value()));
            else
                workbench::showMessage(m_status, workbench::Severity::Error,
                                       tr("The test message was not sent: %1").arg(sent.error().message));
        });
    updateButtons();
    return true;
}

} // namespace mdp::notify::ui

#endif
