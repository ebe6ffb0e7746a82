#include "LocationWizardPage.h"

#include "mdp/shell/WorkspaceLocation.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mdp::shell {

LocationWizardPage::LocationWizardPage(const QString &directory, QWidget *parent)
    : QWizardPage(parent)
    , m_directory(new QLineEdit(QDir::toNativeSeparators(directory), this))
    , m_status(workbench::makeMessageLabel(this))
{
    setTitle(workbench::headingHtml(tr("Workspace location")));
    setSubTitle(tr("The workspace is one folder. Put it on a local disk that is backed up; the contents "
                   "are encrypted."));

    m_directory->setObjectName(QStringLiteral("directoryEdit"));
    m_status->setObjectName(QStringLiteral("locationStatus"));
    auto *browse = new QPushButton(workbench::Theme::icon(QStringLiteral("folder")), tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto *label = workbench::makeLabel(tr("Folder"), QStringLiteral("factName"), this);
    label->setBuddy(m_directory);
    layout->addWidget(label);
    auto *row = new QHBoxLayout;
    row->addWidget(m_directory, 1);
    row->addWidget(browse);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(
        workbench::makeLabel(tr("Keep the folder out of synchronised cloud drives: the audit log "
                                "detects an older copy put back, and such drives do exactly that."),
                             QStringLiteral("muted"), this));

    registerField(QStringLiteral("directory*"), m_directory);
    connect(m_directory, &QLineEdit::textChanged, this, &LocationWizardPage::updateStatus);
    connect(browse, &QPushButton::clicked, this, &LocationWizardPage::browse);
    updateStatus();
}

void LocationWizardPage::browse()
{
    const QString chosen =
        QFileDialog::getExistingDirectory(this, tr("Choose the workspace folder"), m_directory->text());
    if (!chosen.isEmpty())
        m_directory->setText(QDir::toNativeSeparators(chosen));
}

void LocationWizardPage::updateStatus()
{
    const auto status = WorkspaceLocation::check(QDir::fromNativeSeparators(m_directory->text()));
    workbench::showMessage(m_status,
                           WorkspaceLocation::isUsable(status) ? workbench::Severity::Info
                                                               : workbench::Severity::Error,
                           WorkspaceLocation::describe(status));
    Q_EMIT completeChanged();
}

bool LocationWizardPage::isComplete() const
{
    return WorkspaceLocation::isUsable(
        WorkspaceLocation::check(QDir::fromNativeSeparators(m_directory->text())));
}

} // namespace mdp::shell
