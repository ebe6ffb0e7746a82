#include "mdp/shell/FirstRunWizard.h"

#include "mdp/workbench/Theme.h"
#include "mdp/workspace/Workspace.h"
#include "wizard/AdminAccountWizardPage.h"
#include "wizard/DoneWizardPage.h"
#include "wizard/EncryptionWizardPage.h"
#include "wizard/LocationWizardPage.h"
#include "wizard/SummaryWizardPage.h"
#include "wizard/WelcomeWizardPage.h"

#include <QAbstractButton>

namespace mdp::shell {

FirstRunWizard::FirstRunWizard(const QString &directory, QWidget *parent)
    : QWizard(parent)
    , m_creator([](const workspace::CreateOptions &options) { return workspace::Workspace::create(options); })
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Set up MDP"));
    setWizardStyle(QWizard::ModernStyle);
    setTitleFormat(Qt::RichText);
    setSubTitleFormat(Qt::PlainText);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPixmap(QWizard::LogoPixmap, workbench::Theme::appIcon().pixmap(48, 48));
    setMinimumSize(760, 600);

    setPage(WelcomePage, new WelcomeWizardPage(this));
    setPage(LocationPage,
            new LocationWizardPage(directory.isEmpty() ? workspace::Workspace::defaultDirectory() : directory,
                                   this));
    setPage(EncryptionPage, new EncryptionWizardPage(this));
    setPage(AdminPage, new AdminAccountWizardPage(this));
    setPage(SummaryPage, new SummaryWizardPage(this));
    setPage(DonePage, new DoneWizardPage(this));
    setStartId(WelcomePage);
}

FirstRunWizard::~FirstRunWizard() = default;

void FirstRunWizard::setCreator(Creator creator)
{
    m_creator = std::move(creator);
}

bool FirstRunWizard::isCreating() const
{
    return m_creating;
}

void FirstRunWizard::setCreating(bool creating)
{
    m_creating = creating;
    // While keys are derived nothing may leave the page: the worker still holds the choices.
    for (WizardButton which : {BackButton, CancelButton, CommitButton})
        if (QAbstractButton *b = button(which))
            b->setEnabled(!creating);
    Q_EMIT creatingChanged(creating);
}

void FirstRunWizard::setWorkspace(std::unique_ptr<workspace::Workspace> workspace)
{
    m_workspace = std::move(workspace);
    // The secrets are no longer needed once the keys exist.
    m_recoveryKey = workspace::formatRecoveryKey(m_workspace->takeRecoveryKey());
    m_adminEnrolmentCode = m_workspace->takeAdminEnrolmentCode();
    static_cast<AdminAccountWizardPage *>(page(AdminPage))->clearSecrets();
    Q_EMIT workspaceCreated();
}

SecureBytes FirstRunWizard::adminPassword() const
{
    return static_cast<AdminAccountWizardPage *>(page(AdminPage))->password();
}

std::unique_ptr<workspace::Workspace> FirstRunWizard::takeWorkspace()
{
    return std::move(m_workspace);
}

QString FirstRunWizard::directory() const
{
    return field(QStringLiteral("directory")).toString().trimmed();
}

QString FirstRunWizard::recoveryKey() const
{
    return m_recoveryKey;
}

QString FirstRunWizard::adminEnrolmentCode() const
{
    return m_adminEnrolmentCode;
}

QString FirstRunWizard::adminName() const
{
    return field(QStringLiteral("adminName")).toString();
}

void FirstRunWizard::reject()
{
    if (m_creating)
        return;
    QWizard::reject();
}

} // namespace mdp::shell
