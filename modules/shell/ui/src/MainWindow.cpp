#include "mdp/shell/MainWindow.h"

#include "CipherNames.h"
#include "IntegrityMonitor.h"
#include "SessionContext.h"
#include "Ui.h"
#include "mdp/accounts/Role.h"
#include "mdp/forms/FormStore.h"
#include "mdp/shell/AboutDialog.h"
#include "mdp/shell/SettingsDialog.h"
#include "mdp/shell/Theme.h"
#include "pages/AccountsPage.h"
#include "pages/AuditLogPage.h"
#include "pages/FormRecordDialog.h"
#include "pages/KeysPage.h"
#include "pages/MyAccountPage.h"
#include "pages/NotificationBell.h"
#include "pages/NotificationCenter.h"
#include "pages/NotificationPanel.h"
#include "pages/NotificationText.h"
#include "pages/OverviewPage.h"
#include "pages/PatientsPage.h"
#include "pages/ReviewInboxPage.h"
#if __has_include("mdp/mail/MailSettings.h")
#include "pages/NotificationMailDialog.h"
#define MDP_SHELL_HAS_MAIL 1
#endif
#if __has_include("pages/FormDesignerPage.h")
#include "pages/FormDesignerPage.h"
#define MDP_SHELL_HAS_FORM_DESIGNER 1
#endif

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace mdp::shell {

namespace {
constexpr int pageRole = Qt::UserRole + 1;

QString roleName(const QString &id)
{
    const auto role = accounts::roleFromId(id);
    return role ? accounts::roleDisplayName(*role) : id;
}
} // namespace

MainWindow::MainWindow(workspace::Workspace &workspace, workspace::Session session, ShellSettings &settings,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_context(new SessionContext(workspace, std::move(session), this))
    , m_integrity(new IntegrityMonitor(*m_context, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("MDP Clinical Research Workstation"));
    setMinimumSize(1100, 700);
    resize(1280, 800);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pageStack"));

    const workspace::Session &s = m_context->session();
    const QStringList roles = s.roles.isEmpty() ? QStringList{s.role} : s.roles;
    m_pageOrder = Navigation::pagesFor(roles);
    for (Navigation::Page page : std::as_const(m_pageOrder)) {
        QWidget *widget = nullptr;
        switch (page) {
        case Navigation::Page::Overview:
            widget = new OverviewPage(*m_context, *m_integrity, m_stack);
            break;
        case Navigation::Page::Patients:
            widget = new PatientsPage(*m_context, m_stack);
            break;
        case Navigation::Page::Reviews:
            widget = new ReviewInboxPage(*m_context, m_stack);
            break;
        case Navigation::Page::Forms:
#ifdef MDP_SHELL_HAS_FORM_DESIGNER
            widget = new FormDesignerPage(*m_context, m_stack);
#else
            widget =
                ui::makePageHeader(tr("Forms"), tr("The form designer is not part of this build."), m_stack);
#endif
            break;
        case Navigation::Page::AuditLog:
            widget = new AuditLogPage(*m_context, m_stack);
            break;
        case Navigation::Page::Accounts:
            widget = new AccountsPage(*m_context, m_stack);
            break;
        case Navigation::Page::Keys:
            widget = new KeysPage(*m_context, m_stack);
            break;
        case Navigation::Page::MyAccount:
            widget = new MyAccountPage(*m_context, m_stack);
            break;
        }
        widget->setObjectName(Navigation::objectName(page) + QStringLiteral("-page"));
        m_pages.insert(page, widget);
        m_stack->addWidget(widget);
    }

    m_notices = new NotificationCenter(*m_context, this);
    m_noticePanel = new NotificationPanel(*m_context, this);
    layout->addWidget(buildRail());
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    buildMenus();
    buildStatusBar();

    connect(m_context, &SessionContext::workspaceChanged, this, &MainWindow::refreshStatus);
    // While a job runs on a worker the workspace belongs to it: the pages wait (the rail stays usable).
    connect(m_context, &SessionContext::busyChanged, this, [this](bool busy) { m_stack->setEnabled(!busy); });
    connect(m_integrity, &IntegrityMonitor::started, this, &MainWindow::refreshStatus);
    connect(m_integrity, &IntegrityMonitor::finished, this, [this] {
        refreshStatus();
        if (m_verifyFromMenu) {
            m_verifyFromMenu = false;
            const auto &report = m_integrity->lastReport();
            if (report && report->ok)
                QMessageBox::information(
                    this, tr("Verify audit chain"),
                    tr("The workspace is intact: the database, the audit chain of %n event(s) "
                       "and the rollback anchor are consistent.",
                       nullptr, int(report->auditEvents)));
            else if (report)
                QMessageBox::critical(
                    this, tr("Verify audit chain"),
                    tr("A problem was found: %1\n\nDo not enter data and contact your system "
                       "administrator.")
                        .arg(report->problem));
        }
    });
    // Other workstations' writes do not exist yet; the count changes with this window's own actions,
    // and a slow timer catches events recorded by the modules themselves.
    auto *timer = new QTimer(this);
    timer->setInterval(15'000);
    connect(timer, &QTimer::timeout, this, &MainWindow::refreshStatus);
    timer->start();

    connect(m_notices, &NotificationCenter::unreadCountChanged, m_bell, &NotificationBell::setCount);
    m_bell->setCount(m_notices->unreadCount());
    connect(m_bell, &QToolButton::clicked, this, &MainWindow::showNotifications);
    connect(m_noticePanel, &NotificationPanel::readStateChanged, m_notices, &NotificationCenter::refresh);
    connect(m_noticePanel, &NotificationPanel::openRequested, this,
            [this](const forms::Notification &notice) {
                openNotice(notice.recordId, NotificationText::isReviewTask(notice.kind));
            });
    if (auto *inbox = qobject_cast<ReviewInboxPage *>(m_pages.value(Navigation::Page::Reviews))) {
        connect(m_notices, &NotificationCenter::formsChanged, inbox, [inbox] {
            if (inbox->isVisible())
                inbox->refresh();
        });
        connect(inbox, &ReviewInboxPage::noticesRead, m_notices, &NotificationCenter::refresh);
    }
    connect(m_context, &SessionContext::busyChanged, m_notices, [this](bool busy) {
        if (!busy)
            m_notices->refresh();
    });

    m_rail->setCurrentRow(0);
    refreshStatus();
}

MainWindow::~MainWindow()
{
    waitForIdle();
    // They unhook from the workspace through the session context, which as an older child would
    // otherwise be gone before them.
    delete m_noticePanel;
    delete m_notices;
}

QWidget *MainWindow::buildRail()
{
    auto *panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("navigationPanel"));
    panel->setFixedWidth(232);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 20, 0, 16);
    layout->setSpacing(4);

    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(20, 0, 16, 0);
    brand->setSpacing(10);
    auto *logo = new QLabel(panel);
    logo->setPixmap(Theme::appIcon().pixmap(34, 34));
    brand->addWidget(logo);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(ui::makeLabel(QStringLiteral("MDP"), QStringLiteral("railTitle"), panel));
    titles->addWidget(
        ui::makeLabel(tr("Clinical research workstation"), QStringLiteral("railSubtitle"), panel));
    brand->addLayout(titles, 1);
    layout->addLayout(brand);
    layout->addSpacing(22);

    m_rail = new QListWidget(panel);
    m_rail->setObjectName(QStringLiteral("navigationRail"));
    m_rail->setIconSize(QSize(20, 20));
    m_rail->setFrameShape(QFrame::NoFrame);
    m_rail->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rail->setFocusPolicy(Qt::StrongFocus);
    for (Navigation::Page page : std::as_const(m_pageOrder)) {
        auto *item = new QListWidgetItem(Theme::icon(Navigation::iconName(page), Theme::railText()),
                                         Navigation::title(page), m_rail);
        item->setData(pageRole, int(page));
        item->setData(Qt::AccessibleTextRole, Navigation::title(page));
    }
    connect(m_rail, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    layout->addWidget(m_rail, 1);

    auto *separator = new QFrame(panel);
    separator->setObjectName(QStringLiteral("railSeparator"));
    layout->addWidget(separator);
    layout->addSpacing(10);

    const workspace::Session &s = m_context->session();
    auto *user = new QHBoxLayout;
    user->setContentsMargins(20, 0, 16, 0);
    user->setSpacing(10);
    auto *avatar = new QLabel(panel);
    avatar->setPixmap(Theme::icon(QStringLiteral("myaccount"), Theme::railText()).pixmap(28, 28));
    user->addWidget(avatar);
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    auto *userName = ui::makeLabel(s.displayName, QStringLiteral("railUser"), panel);
    userName->setObjectName(QStringLiteral("railUser"));
    names->addWidget(userName);
    names->addWidget(ui::makeLabel(roleName(s.role), QStringLiteral("railRole"), panel));
    user->addLayout(names, 1);
    m_bell = new NotificationBell(panel);
    user->addWidget(m_bell, 0, Qt::AlignVCenter);
    layout->addLayout(user);
    return panel;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *lock = file->addAction(Theme::icon(QStringLiteral("lock")), tr("&Lock workspace"));
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lock, &QAction::triggered, this, &MainWindow::lockRequested);
    QAction *logout = file->addAction(Theme::icon(QStringLiteral("logout")), tr("Log &out"));
    logout->setObjectName(QStringLiteral("logoutAction"));
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    file->addSeparator();
    QAction *settings = file->addAction(Theme::icon(QStringLiteral("settings")), tr("&Settings…"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *verify =
        tools->addAction(Theme::icon(QStringLiteral("shield-check")), tr("&Verify audit chain"));
    verify->setObjectName(QStringLiteral("verifyAction"));
    connect(verify, &QAction::triggered, this, &MainWindow::verifyFromMenu);
    QAction *notices = tools->addAction(Theme::icon(QStringLiteral("bell")), tr("&Notifications"));
    notices->setObjectName(QStringLiteral("notificationsAction"));
    notices->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(notices, &QAction::triggered, this, &MainWindow::showNotifications);
#ifdef MDP_SHELL_HAS_MAIL
    const workspace::Session &s = m_context->session();
    if (Navigation::configuresMail(s.roles.isEmpty() ? QStringList{s.role} : s.roles)) {
        QAction *relay = tools->addAction(Theme::icon(QStringLiteral("settings")), tr("&Mail relay…"));
        relay->setObjectName(QStringLiteral("mailRelayAction"));
        connect(relay, &QAction::triggered, this, [this] {
            NotificationMailDialog dialog(*m_context, this);
            dialog.exec();
        });
    }
#endif

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(Theme::icon(QStringLiteral("info")), tr("&About MDP"));
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildStatusBar()
{
    QStatusBar *bar = statusBar();
    bar->setSizeGripEnabled(false);
    auto add = [bar](const QString &name, int stretch = 0) {
        auto *label = new QLabel(bar);
        label->setObjectName(name);
        bar->addPermanentWidget(label, stretch);
        return label;
    };
    const workspace::Session &s = m_context->session();
    m_statusUser = add(QStringLiteral("statusUser"));
    m_statusUser->setText(tr("%1 (%2) · %3").arg(s.displayName, s.userName, roleName(s.role)));
    m_statusWorkspace = add(QStringLiteral("statusWorkspace"), 1);
    m_statusCipher = add(QStringLiteral("statusCipher"));
    m_statusAudit = add(QStringLiteral("statusAudit"));
    m_statusIntegrityIcon = add(QStringLiteral("statusIntegrityIcon"));
    m_statusIntegrity = add(QStringLiteral("statusIntegrity"));
}

void MainWindow::refreshStatus()
{
    if (m_context->isBusy()) {
        if (m_integrity->isRunning()) {
            m_statusIntegrityIcon->setPixmap(
                Theme::icon(QStringLiteral("shield"), Theme::muted()).pixmap(16, 16));
            m_statusIntegrity->setText(tr("Verifying…"));
        }
        return;
    }
    const workspace::WorkspaceInfo info = m_workspace.info();
    m_statusWorkspace->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(info.directory)));
    m_statusWorkspace->setToolTip(QDir::toNativeSeparators(info.directory));
    m_statusCipher->setText(tr("Encryption: %1").arg(CipherNames::shortName(info.pageCipher)));
    m_statusCipher->setToolTip(
        tr("Database %1, files %2")
            .arg(CipherNames::describe(info.pageCipher), CipherNames::describe(info.blobCipher)));
    m_statusAudit->setText(tr("Audit events: %1").arg(QLocale().toString(info.auditEvents)));

    const auto &report = m_integrity->lastReport();
    if (!report) {
        m_statusIntegrityIcon->setPixmap(
            Theme::icon(QStringLiteral("shield"), Theme::muted()).pixmap(16, 16));
        m_statusIntegrity->setText(tr("Integrity not yet verified"));
    } else if (report->ok) {
        m_statusIntegrityIcon->setPixmap(
            Theme::icon(QStringLiteral("shield-check"), Theme::good()).pixmap(16, 16));
        m_statusIntegrity->setText(
            tr("Integrity verified %1")
                .arg(m_integrity->lastChecked().toLocalTime().toString(QStringLiteral("HH:mm"))));
    } else {
        m_statusIntegrityIcon->setPixmap(
            Theme::icon(QStringLiteral("shield-alert"), Theme::bad()).pixmap(16, 16));
        m_statusIntegrity->setText(tr("Integrity problem"));
    }
    m_statusIntegrity->setToolTip(report && !report->ok ? report->problem : QString());
}

bool MainWindow::showPage(Navigation::Page page)
{
    const int row = int(m_pageOrder.indexOf(page));
    if (row < 0)
        return false;
    m_rail->setCurrentRow(row);
    return true;
}

Navigation::Page MainWindow::currentPage() const
{
    const int row = m_rail->currentRow();
    return row >= 0 && row < m_pageOrder.size() ? m_pageOrder.at(row) : Navigation::Page::Overview;
}

void MainWindow::waitForIdle()
{
    m_context->waitForIdle();
}

void MainWindow::verifyFromMenu()
{
    if (m_integrity->verifyNow())
        m_verifyFromMenu = true;
}

void MainWindow::showAbout()
{
    std::optional<workspace::WorkspaceInfo> info;
    if (!m_context->isBusy())
        info = m_workspace.info();
    AboutDialog dialog(info, this);
    dialog.exec();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT settingsChanged();
}

void MainWindow::showNotifications()
{
    m_notices->refresh();
    m_noticePanel->popUpAt(m_bell);
}

void MainWindow::openNotice(const QUuid &recordId, bool reviewTask)
{
    // A task for this account: its place in the inbox, where the decision is made.
    if (reviewTask && hasPage(Navigation::Page::Reviews)) {
        auto *inbox = qobject_cast<ReviewInboxPage *>(m_pages.value(Navigation::Page::Reviews));
        showPage(Navigation::Page::Reviews);
        inbox->refresh();
        if (inbox->selectRecord(recordId))
            return;
    }
    if (m_context->isBusy())
        return;
    // Otherwise the record where its submitter works on it: the patient's page.
    auto record = m_workspace.forms().record(m_context->session().accountId, recordId);
    if (!record) {
        QMessageBox::information(
            this, tr("Notifications"),
            tr("The record of this notice is not available to you: %1").arg(record.error().message));
        return;
    }
    if (auto *patients = qobject_cast<PatientsPage *>(m_pages.value(Navigation::Page::Patients))) {
        showPage(Navigation::Page::Patients);
        patients->openPatient(record->patientId);
    }
    // ... with the record itself open on top: after a rejection, the reason and the form to fix.
    auto *dialog = new FormRecordDialog(*m_context, recordId, this);
    dialog->setObjectName(QStringLiteral("noticeRecordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    event->ignore();
    Q_EMIT quitRequested();
}

} // namespace mdp::shell
