#include "AccountDialog.h"

#include "mdp/accounts/PasswordPolicy.h"
#include "mdp/workbench/Widgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace mdp::accounts::ui {

namespace {
QString roleHint(accounts::Role role)
{
    switch (role) {
    case accounts::Role::Clinician:
        return AccountDialog::tr("Enters and edits patient data of the cohort.");
    case accounts::Role::Reviewer:
        return AccountDialog::tr("Reviews submitted records and approves or rejects them.");
    case accounts::Role::Researcher:
        return AccountDialog::tr("Works with de-identified data within approved grants only.");
    case accounts::Role::EthicsReviewer:
        return AccountDialog::tr("Reviews access requests for ethics compliance.");
    case accounts::Role::DataManager:
        return AccountDialog::tr("Approves access requests and manages data quality.");
    case accounts::Role::Auditor:
        return AccountDialog::tr("Reads and verifies the audit log; holds no other role.");
    case accounts::Role::SystemAdmin:
        return AccountDialog::tr("Manages accounts, keys and the workstation.");
    }
    return {};
}
} // namespace

AccountDialog::AccountDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_form(new QFormLayout)
    , m_userName(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_roleHint(workbench::makeLabel(QString(), QStringLiteral("muted"), this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_problem(workbench::makeMessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("accountDialog"));
    setMinimumWidth(520);
    m_userName->setObjectName(QStringLiteral("userNameEdit"));
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_confirm->setObjectName(QStringLiteral("confirmEdit"));
    m_userName->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z][a-z0-9._-]{0,31}")), m_userName));
    for (accounts::Role role : accounts::allRoles())
        m_role->addItem(accounts::roleDisplayName(role), int(role));
    for (QLineEdit *edit : {m_password, m_confirm}) {
        workbench::preparePasswordEdit(edit);
        workbench::addRevealAction(edit);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(12);
    m_form->setHorizontalSpacing(14);
    m_form->setVerticalSpacing(10);
    m_form->addRow(tr("User name"), m_userName);
    m_form->addRow(tr("Display name"), m_displayName);
    m_form->addRow(tr("Role"), m_role);
    m_form->addRow(QString(), m_roleHint);
    m_form->addRow(mode == Mode::ResetPassword ? tr("New password") : tr("Initial password"), m_password);
    m_form->addRow(tr("Confirm password"), m_confirm);
    auto *rules =
        workbench::makeLabel(accounts::PasswordPolicy::description(), QStringLiteral("muted"), this);
    m_form->addRow(QString(), rules);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);

    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("Add account"));
        m_role->setCurrentIndex(m_role->findData(int(accounts::Role::Clinician)));
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create account"));
        break;
    case Mode::ChangeRole:
        setWindowTitle(tr("Change role"));
        m_userName->setReadOnly(true);
        m_displayName->setReadOnly(true);
        for (QWidget *w : {static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_confirm),
                           static_cast<QWidget *>(rules)})
            m_form->setRowVisible(w, false);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Change role"));
        break;
    case Mode::ResetPassword:
        setWindowTitle(tr("Reset password"));
        m_userName->setReadOnly(true);
        m_displayName->setReadOnly(true);
        m_form->setRowVisible(m_role, false);
        m_form->setRowVisible(m_roleHint, false);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reset password"));
        break;
    }

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_userName, m_displayName, m_password, m_confirm})
        connect(edit, &QLineEdit::textChanged, this, &AccountDialog::update);
    connect(m_role, &QComboBox::currentIndexChanged, this, &AccountDialog::update);
    update();
}

void AccountDialog::setAccount(const accounts::Account &account)
{
    m_userName->setText(account.userName);
    m_displayName->setText(account.displayName);
    m_role->setCurrentIndex(m_role->findData(int(account.primaryRole())));
    update();
}

QString AccountDialog::userName() const
{
    return m_userName->text();
}

QString AccountDialog::displayName() const
{
    return m_displayName->text().trimmed();
}

accounts::Role AccountDialog::role() const
{
    return accounts::Role(m_role->currentData().toInt());
}

AccountDialog::~AccountDialog()
{
    workbench::wipePassword(m_password);
    workbench::wipePassword(m_confirm);
}

SecureBytes AccountDialog::takePassword()
{
    SecureBytes password = workbench::takePassword(m_password);
    workbench::wipePassword(m_confirm);
    return password;
}

QString AccountDialog::problem() const
{
    if (m_mode == Mode::ChangeRole)
        return {};
    if (m_password->text().isEmpty())
        return {};
    const Result<void> check =
        accounts::PasswordPolicy().check(workbench::copyPassword(m_password), m_userName->text());
    if (!check.ok())
        return check.error().message;
    if (!m_confirm->text().isEmpty() && m_confirm->text() != m_password->text())
        return tr("The two passwords do not match.");
    return {};
}

void AccountDialog::update()
{
    m_roleHint->setText(roleHint(role()));
    workbench::showMessage(m_problem, workbench::Severity::Error, problem());
    bool ok = problem().isEmpty();
    if (m_mode == Mode::Create)
        ok = ok && m_userName->text().size() >= 3 && !displayName().isEmpty();
    if (m_mode != Mode::ChangeRole)
        ok = ok && !m_password->text().isEmpty() && m_confirm->text() == m_password->text();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace mdp::accounts::ui
