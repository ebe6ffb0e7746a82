#include "SummaryWizardPage.h"

#include "mdp/shell/FirstRunWizard.h"
#include "mdp/workbench/Background.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/Workspace.h"

#include <QAbstractButton>
#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace mdp::shell {

namespace {
using CreateResult = Result<std::unique_ptr<workspace::Workspace>>;

} // namespace

SummaryWizardPage::SummaryWizardPage(FirstRunWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_busy(new QProgressBar(this))
    , m_busyLabel(new QLabel(this))
    , m_error(workbench::makeMessageLabel(this))
{
    setTitle(workbench::headingHtml(tr("Ready to create the workspace")));
    setSubTitle(tr("Check your choices. Creating the workspace derives the administrator's key slot from "
                   "the password, which takes a moment."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Create workspace"));
    m_error->setObjectName(QStringLiteral("creationError"));
    m_busy->setObjectName(QStringLiteral("creationProgress"));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    auto *card = workbench::makeCard(this);
    auto *grid = new QGridLayout(card);
    grid->setContentsMargins(18, 16, 18, 16);
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(10);
    grid->setColumnStretch(1, 1);
    m_location = workbench::addFact(grid, tr("Location"));
    m_cipher = workbench::addFact(grid, tr("Encryption"));
    m_passphrase = workbench::addFact(grid, tr("Unlocking"));
    m_admin = workbench::addFact(grid, tr("Administrator"));
    layout->addWidget(card);
    layout->addWidget(m_error);
    layout->addStretch();
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_busyLabel->setObjectName(QStringLiteral("muted"));
    m_busyLabel->hide();
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_busy);
}

void SummaryWizardPage::initializePage()
{
    m_location->setText(QDir::toNativeSeparators(field(QStringLiteral("directory")).toString().trimmed()));
    m_cipher->setText(field(QStringLiteral("sm4")).toBool()
                          ? tr("SM4 national algorithm: database SM4-CBC, files SM4-GCM")
                          : tr("AES-256: database AES-256-CBC, files AES-256-GCM"));
    m_passphrase->setText(tr("Each account with its own password; no shared workspace passphrase"));
    m_admin->setText(tr("%1 (%2)").arg(field(QStringLiteral("adminDisplayName")).toString().trimmed(),
                                       field(QStringLiteral("adminName")).toString()));
    workbench::showMessage(m_error, workbench::Severity::None, {});
}

bool SummaryWizardPage::isComplete() const
{
    return !m_wizard->isCreating();
}

bool SummaryWizardPage::validatePage()
{
    if (m_created)
        return true;
    if (!m_wizard->isCreating())
        startCreation();
    return false;
}

void SummaryWizardPage::startCreation()
{
    workspace::CreateOptions options;
    options.directory =
        QDir::cleanPath(QDir::fromNativeSeparators(field(QStringLiteral("directory")).toString().trimmed()));
    const bool sm4 = field(QStringLiteral("sm4")).toBool();
    options.pageCipher = sm4 ? QStringLiteral("sm4-cbc") : QStringLiteral("aes-256-cbc");
    options.blobCipher = sm4 ? QStringLiteral("sm4-gcm") : QStringLiteral("aes-256-gcm");
    options.adminName = field(QStringLiteral("adminName")).toString();
    options.adminDisplayName = field(QStringLiteral("adminDisplayName")).toString().trimmed();
    options.adminPassword = m_wizard->adminPassword();

    workbench::showMessage(m_error, workbench::Severity::None, {});
    m_busyLabel->setText(tr("Deriving keys and creating the encrypted workspace…"));
    m_busyLabel->show();
    m_busy->show();
    m_wizard->setCreating(true);
    Q_EMIT completeChanged();

    const FirstRunWizard::Creator creator = m_wizard->creator();
    workbench::runInBackground<std::shared_ptr<CreateResult>>(
        this,
        [creator, options = std::move(options)]() mutable {
            auto result = std::make_shared<CreateResult>(creator(options));
            options.adminPassword.clear();
            return result;
        },
        [this](std::shared_ptr<CreateResult> &result) {
            m_busy->hide();
            m_busyLabel->hide();
            m_wizard->setCreating(false);
            if (result->ok()) {
                m_created = true;
                m_wizard->setWorkspace(std::move(result->value()));
                Q_EMIT completeChanged();
                m_wizard->next();
                return;
            }
            workbench::showMessage(m_error, workbench::Severity::Error,
                                   tr("The workspace could not be created: %1").arg(result->error().message));
            Q_EMIT completeChanged();
        });
}

} // namespace mdp::shell
