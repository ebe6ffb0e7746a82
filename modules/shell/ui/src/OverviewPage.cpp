#include "OverviewPage.h"

#include "IntegrityMonitor.h"
#include "mdp/accounts/Role.h"
#include "mdp/workbench/CipherNames.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace mdp::shell {

namespace {
QString roleNames(const QStringList &ids)
{
    QStringList names;
    for (const QString &id : ids) {
        const auto role = accounts::roleFromId(id);
        names << (role ? accounts::roleDisplayName(*role) : id);
    }
    return names.join(QCoreApplication::translate("mdp::shell::OverviewPage", ", "));
}
} // namespace

OverviewPage::OverviewPage(workbench::SessionContext &context, IntegrityMonitor &integrity, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_integrity(integrity)
{
    const workspace::Session &session = context.session();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(16);
    layout->addWidget(workbench::makePageHeader(
        tr("Overview"),
        tr("Welcome, %1. The state of the workspace on this workstation.").arg(session.displayName), this));

    auto *top = new QHBoxLayout;
    top->setSpacing(16);

    // Integrity
    auto *integrityCard = workbench::makeCard(this);
    integrityCard->setObjectName(QStringLiteral("card"));
    auto *integrityLayout = workbench::cardLayout(integrityCard, tr("Integrity"));
    auto *statusRow = new QHBoxLayout;
    m_integrityIcon = new QLabel(integrityCard);
    m_integrityHeadline = workbench::makeLabel(QString(), QStringLiteral("factValue"), integrityCard);
    m_integrityHeadline->setObjectName(QStringLiteral("integrityHeadline"));
    QFont headlineFont = m_integrityHeadline->font();
    headlineFont.setWeight(QFont::DemiBold);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() + 1);
    m_integrityHeadline->setFont(headlineFont);
    statusRow->addWidget(m_integrityIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_integrityHeadline, 1);
    integrityLayout->addLayout(statusRow);
    m_integrityDetail = workbench::makeLabel(QString(), QStringLiteral("muted"), integrityCard);
    m_integrityDetail->setObjectName(QStringLiteral("integrityDetail"));
    integrityLayout->addWidget(m_integrityDetail);
    integrityLayout->addStretch();
    m_progress = new QProgressBar(integrityCard);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    integrityLayout->addWidget(m_progress);
    m_verify = new QPushButton(workbench::Theme::icon(QStringLiteral("shield-check")), tr("Verify now"),
                               integrityCard);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    integrityLayout->addWidget(m_verify, 0, Qt::AlignLeft);
    top->addWidget(integrityCard, 3);

    // Audit events
    auto *auditCard = workbench::makeCard(this);
    auto *auditLayout = workbench::cardLayout(auditCard, tr("Audit log"));
    m_auditCount = workbench::makeLabel(QString(), QStringLiteral("bigNumber"), auditCard);
    m_auditCount->setObjectName(QStringLiteral("bigNumber"));
    auditLayout->addWidget(m_auditCount);
    auditLayout->addWidget(
        workbench::makeLabel(tr("Events in the tamper-evident, hash-chained log. Sign-ins, account "
                                "changes, key use and every reading of the log are recorded."),
                             QStringLiteral("muted"), auditCard));
    auditLayout->addStretch();
    top->addWidget(auditCard, 2);

    // Session
    auto *sessionCard = workbench::makeCard(this);
    auto *sessionLayout = workbench::cardLayout(sessionCard, tr("Your session"));
    auto *sessionGrid = new QGridLayout;
    sessionGrid->setHorizontalSpacing(14);
    sessionGrid->setVerticalSpacing(8);
    sessionGrid->setColumnStretch(1, 1);
    workbench::addFact(sessionGrid, tr("Name"), session.displayName);
    workbench::addFact(sessionGrid, tr("User name"), session.userName);
    workbench::addFact(sessionGrid, tr("Role"),
                       roleNames(session.roles.isEmpty() ? QStringList{session.role} : session.roles));
    workbench::addFact(sessionGrid, tr("Signed in"), workbench::formatDateTime(session.loginTime));
    // Single sign-on: whether the site server confirmed this sign-in.
    if (session.via == u"server")
        workbench::addFact(sessionGrid, tr("Confirmed by"), tr("the site server"));
    else if (session.via == u"offline")
        workbench::addFact(sessionGrid, tr("Confirmed by"),
                           tr("this workstation only: the site server could not be reached (offline "
                              "sign-in)"));
    sessionLayout->addLayout(sessionGrid);
    sessionLayout->addStretch();
    top->addWidget(sessionCard, 3);
    layout->addLayout(top);

    // Workspace facts
    auto *workspaceCard = workbench::makeCard(this);
    auto *workspaceLayout = workbench::cardLayout(workspaceCard, tr("Workspace"));
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(9);
    grid->setColumnStretch(1, 1);
    m_directory = workbench::addFact(grid, tr("Location"));
    m_created = workbench::addFact(grid, tr("Created"));
    m_pageCipher = workbench::addFact(grid, tr("Database encryption"));
    m_blobCipher = workbench::addFact(grid, tr("File encryption"));
    m_rootKey = workbench::addFact(grid, tr("Root key protection"));
    m_commits = workbench::addFact(grid, tr("Committed transactions"));
    workspaceLayout->addLayout(grid);
    layout->addWidget(workspaceCard);
    layout->addStretch();

    connect(m_verify, &QPushButton::clicked, this, [this] { m_integrity.verifyNow(); });
    connect(&m_integrity, &IntegrityMonitor::started, this, &OverviewPage::updateIntegrity);
    connect(&m_integrity, &IntegrityMonitor::finished, this, &OverviewPage::updateIntegrity);
    connect(&m_integrity, &IntegrityMonitor::historyChanged, this, &OverviewPage::updateIntegrity);
    connect(&m_context, &workbench::SessionContext::workspaceChanged, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(&m_context, &workbench::SessionContext::busyChanged, this, &OverviewPage::updateIntegrity);
    refresh();
}

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void OverviewPage::refresh()
{
    if (m_context.isBusy())
        return;
    const workspace::WorkspaceInfo info = m_context.workspace().info();
    m_auditCount->setText(QLocale().toString(info.auditEvents));
    m_directory->setText(QDir::toNativeSeparators(info.directory));
    m_created->setText(workbench::formatDateTime(info.created));
    m_pageCipher->setText(workbench::CipherNames::describe(info.pageCipher));
    m_blobCipher->setText(workbench::CipherNames::describe(info.blobCipher));
    m_rootKey->setText(workbench::CipherNames::describeRootKey(info.rootKeyKind));
    m_commits->setText(QLocale().toString(info.commitCounter));
    updateIntegrity();
}

void OverviewPage::updateIntegrity()
{
    const bool running = m_integrity.isRunning();
    m_progress->setVisible(running);
    m_verify->setEnabled(!running && !m_context.isBusy());
    if (running) {
        m_progress->setRange(0, 0);
        m_integrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield"), workbench::Theme::muted()).pixmap(28, 28));
        m_integrityHeadline->setText(tr("Verifying…"));
        m_integrityDetail->setText(
            tr("Checking the database pages, the audit hash chain and the rollback anchor."));
        return;
    }
    const auto &report = m_integrity.lastReport();
    const workspace::AuditHistoryState &history = m_integrity.history();
    if (!report && history.started && !history.finished) {
        m_integrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield"), workbench::Theme::muted()).pixmap(28, 28));
        const int percent = history.bytesTotal > 0 ? int(history.bytesDone * 100 / history.bytesTotal) : 0;
        m_integrityHeadline->setText(tr("Checking the audit history… %1%").arg(percent));
        m_integrityDetail->setText(
            tr("Signing in checked what was new since the last session; the whole audit history is "
               "being checked in the background. You can keep working."));
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
        m_progress->setVisible(true);
        return;
    }
    m_progress->setRange(0, 0);
    if (!report && history.finished && history.ok) {
        m_integrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield-check"), workbench::Theme::good()).pixmap(28, 28));
        m_integrityHeadline->setText(tr("Audit history intact"));
        m_integrityDetail->setText(
            tr("Checked %1: all %n audit event(s) are unchanged and chain to the signed checkpoint. "
               "Verify now also checks the database and the rollback anchor.",
               nullptr, int(history.events))
                .arg(workbench::formatDateTime(history.finishedAt)));
        return;
    }
    if (!report) {
        m_integrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield"), workbench::Theme::muted()).pixmap(28, 28));
        m_integrityHeadline->setText(tr("Not verified in this session"));
        m_integrityDetail->setText(
            tr("Verification checks the database, the audit hash chain and that no older "
               "copy of the database was put back."));
        return;
    }
    const QString when = workbench::formatDateTime(m_integrity.lastChecked());
    if (report->ok) {
        m_integrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield-check"), workbench::Theme::good()).pixmap(28, 28));
        m_integrityHeadline->setText(tr("Intact"));
        m_integrityDetail->setText(
            tr("Verified %1: database, audit chain of %n event(s) and rollback anchor are consistent.",
               nullptr, int(report->auditEvents))
                .arg(when));
    } else {
        m_integrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield-alert"), workbench::Theme::bad()).pixmap(28, 28));
        m_integrityHeadline->setText(tr("Problem found"));
        m_integrityDetail->setText(tr("Verified %1: %2").arg(when, report->problem));
    }
}

} // namespace mdp::shell
