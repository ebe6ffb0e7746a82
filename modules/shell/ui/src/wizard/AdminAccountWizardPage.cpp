#include "AdminAccountWizardPage.h"

#include "mdp/accounts/PasswordPolicy.h"
#include "mdp/workbench/Widgets.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace mdp::shell {

AdminAccountWizardPage::AdminAccountWizardPage(QWidget *parent)
    : QWizardPage(parent)
    , m_name(new QLineEdit(QStringLiteral("admin"), this))
    , m_displayName(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_problem(workbench::makeMessageLabel(this))
{
    setTitle(workbench::headingHtml(tr("First administrator")));
    setSubTitle(tr("The system administrator creates the accounts of clinicians, reviewers, researchers and "
                   "auditors. Use a personal account, not a shared one."));

    m_name->setObjectName(QStringLiteral("adminNameEdit"));
    m_displayName->setObjectName(QStringLiteral("adminDisplayNameEdit"));
    m_password->setObjectName(QStringLiteral("adminPasswordEdit"));
    m_confirm->setObjectName(QStringLiteral("adminPasswordConfirmEdit"));
    m_problem->setObjectName(QStringLiteral("adminPasswordProblem"));
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z][a-z0-9._-]{0,31}")), m_name));
    m_displayName->setPlaceholderText(tr("e.g. Wang Fang, Information Department"));
    for (QLineEdit *edit : {m_password, m_confirm}) {
        workbench::preparePasswordEdit(edit);
        workbench::addRevealAction(edit);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(10);
    form->addRow(tr("User name"), m_name);
    form->addRow(QString(), workbench::makeLabel(
                                tr("Lower-case letters, digits, '.', '_' and '-'; starts with a letter."),
                                QStringLiteral("muted"), this));
    form->addRow(tr("Display name"), m_displayName);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Confirm password"), m_confirm);
    form->addRow(QString(), workbench::makeLabel(accounts::PasswordPolicy::description(),
                                                 QStringLiteral("muted"), this));
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    auto *note = workbench::makeMessageLabel(this);
    workbench::showMessage(
        note, workbench::Severity::Info,
        tr("This password is the administrator's own and opens the workspace: nobody else knows it, and "
           "no shared passphrase exists. Administrators also confirm each sign-in with a code from an "
           "authenticator app; it is set up at the first sign-in."));
    layout->addWidget(note);

    registerField(QStringLiteral("adminName*"), m_name);
    registerField(QStringLiteral("adminDisplayName*"), m_displayName);
    for (QLineEdit *edit : {m_name, m_displayName, m_password, m_confirm})
        connect(edit, &QLineEdit::textChanged, this, &AdminAccountWizardPage::update);
    update();
}

QString AdminAccountWizardPage::policyProblem() const
{
    if (m_password->text().isEmpty())
        return {};
    const Result<void> check =
        accounts::PasswordPolicy().check(workbench::copyPassword(m_password), m_name->text());
    if (!check.ok())
        return check.error().message;
    if (!m_confirm->text().isEmpty() && m_confirm->text() != m_password->text())
        return tr("The two passwords do not match.");
    return {};
}

void AdminAccountWizardPage::update()
{
    workbench::showMessage(m_problem, workbench::Severity::Error, policyProblem());
    Q_EMIT completeChanged();
}

bool AdminAccountWizardPage::isComplete() const
{
    return m_name->hasAcceptableInput() && m_name->text().size() >= 3 &&
           !m_displayName->text().trimmed().isEmpty() && !m_password->text().isEmpty() &&
           m_confirm->text() == m_password->text() && policyProblem().isEmpty();
}

void AdminAccountWizardPage::clearSecrets()
{
    workbench::wipePassword(m_password);
    workbench::wipePassword(m_confirm);
}

AdminAccountWizardPage::~AdminAccountWizardPage()
{
    clearSecrets();
}

SecureBytes AdminAccountWizardPage::password() const
{
    return workbench::copyPassword(m_password);
}

} // namespace mdp::shell
