#include "mdp/shell/MainWindow.h"

#include "GoToDialog.h"
#include "IntegrityMonitor.h"
#include "OverviewPage.h"
#include "mdp/accounts/Role.h"
#include "mdp/shell/AboutDialog.h"
#include "mdp/shell/SettingsDialog.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/workbench/CipherNames.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

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
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

namespace mdp::shell {

namespace {
constexpr int pageRole = Qt::UserRole + 1; // the page id

QString roleName(const QString &id)
{
    const auto role = accounts::roleFromId(id);
    return role ? accounts::roleDisplayName(*role) : id;
}
} // namespace

MainWindow::MainWindow(workspace::Workspace &workspace, workspace::Session session, ShellSettings &settings,
                       const workbench::Contributions &contributions, QWidget *parent,
                       workspace::BackgroundServices *services)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_contributions(contributions)
    , m_context(new workbench::SessionContext(workspace, std::move(session), this))
    , m_integrity(new IntegrityMonitor(*m_context, this))
{
    m_context->setBackgroundServices(services);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("MDP Clinical Research Workstation"));
    // Every page is laid out to work at 1280×800, the smallest screen the hospitals use.
    setMinimumSize(1024, 640);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pageStack"));

    // The host's own first page, then what the features contribute for this account's roles.
    auto addPage = [this](const QString &id, QWidget *widget) {
        widget->setObjectName(id + QStringLiteral("-page"));
        m_pages.insert(id, widget);
        m_pageOrder << id;
        m_stack->addWidget(widget);
    };
    addPage(QStringLiteral("overview"), new OverviewPage(*m_context, *m_integrity, m_stack));
    for (const workbench::PageContribution &page : m_contributions.pagesFor(m_context->roles()))
        addPage(page.id, page.create(*this, m_stack));

    layout->addWidget(buildRail());
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    buildMenus();
    buildStatusBar();

    connect(m_context, &workbench::SessionContext::workspaceChanged, this, &MainWindow::refreshStatus);
    // While a job runs on a worker the workspace belongs to it: the pages wait (the rail stays usable).
    connect(m_context, &workbench::SessionContext::busyChanged, this,
            [this](bool busy) { m_stack->setEnabled(!busy); });
    connect(m_integrity, &IntegrityMonitor::started, this, &MainWindow::refreshStatus);
    connect(m_integrity, &IntegrityMonitor::historyChanged, this, &MainWindow::refreshStatus);
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

    m_rail->setCurrentRow(0);
    refreshStatus();
    restoreGeometryForUser();
}

MainWindow::~MainWindow()
{
    waitForIdle();
    saveGeometryForUser();
    // Indicators unhook from the workspace through the session context, which as an older child
    // would otherwise be gone before them.
    qDeleteAll(m_indicators);
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
    logo->setPixmap(workbench::Theme::appIcon().pixmap(34, 34));
    brand->addWidget(logo);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(workbench::makeLabel(QStringLiteral("MDP"), QStringLiteral("railTitle"), panel));
    titles->addWidget(
        workbench::makeLabel(tr("Clinical research workstation"), QStringLiteral("railSubtitle"), panel));
    brand->addLayout(titles, 1);
    layout->addLayout(brand);
    layout->addSpacing(22);

    m_rail = new QListWidget(panel);
    m_rail->setObjectName(QStringLiteral("navigationRail"));
    m_rail->setIconSize(QSize(20, 20));
    m_rail->setFrameShape(QFrame::NoFrame);
    m_rail->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rail->setFocusPolicy(Qt::StrongFocus);
    for (const QString &id : std::as_const(m_pageOrder)) {
        const workbench::PageContribution *page = m_contributions.page(id);
        const QString title = page ? page->title() : tr("Overview");
        const QString icon = page ? page->iconName : QStringLiteral("overview");
        auto *item =
            new QListWidgetItem(workbench::Theme::icon(icon, workbench::Theme::railText()), title, m_rail);
        item->setData(pageRole, id);
        item->setData(Qt::AccessibleTextRole, title);
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
    avatar->setPixmap(
        workbench::Theme::icon(QStringLiteral("myaccount"), workbench::Theme::railText()).pixmap(28, 28));
    user->addWidget(avatar);
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    auto *userName = workbench::makeLabel(s.displayName, QStringLiteral("railUser"), panel);
    userName->setObjectName(QStringLiteral("railUser"));
    names->addWidget(userName);
    names->addWidget(workbench::makeLabel(roleName(s.role), QStringLiteral("railRole"), panel));
    user->addLayout(names, 1);
    for (const workbench::IndicatorContribution &indicator : m_contributions.indicators()) {
        if (indicator.place != workbench::IndicatorContribution::Place::AccountCorner)
            continue;
        QWidget *widget = indicator.create(*this, panel);
        m_indicators << widget;
        user->addWidget(widget, 0, Qt::AlignVCenter);
    }
    layout->addLayout(user);
    return panel;
}

void MainWindow::buildMenus()
{
    auto addContributed = [this](QMenu *menu, workbench::ActionContribution::Menu where) {
        for (const workbench::ActionContribution &contribution :
             m_contributions.actionsFor(m_context->roles(), where)) {
            QAction *action =
                menu->addAction(workbench::Theme::icon(contribution.iconName), contribution.text());
            action->setObjectName(contribution.id);
            action->setShortcut(contribution.shortcut);
            connect(action, &QAction::triggered, this,
                    [this, trigger = contribution.trigger] { trigger(*this); });
        }
    };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *lock = file->addAction(workbench::Theme::icon(QStringLiteral("lock")), tr("&Lock workspace"));
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lock, &QAction::triggered, this, &MainWindow::lockRequested);
    QAction *logout = file->addAction(workbench::Theme::icon(QStringLiteral("logout")), tr("Log &out"));
    logout->setObjectName(QStringLiteral("logoutAction"));
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    file->addSeparator();
    QAction *settings = file->addAction(workbench::Theme::icon(QStringLiteral("settings")), tr("&Settings…"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    addContributed(file, workbench::ActionContribution::Menu::File);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *verify =
        tools->addAction(workbench::Theme::icon(QStringLiteral("shield-check")), tr("&Verify audit chain"));
    verify->setObjectName(QStringLiteral("verifyAction"));
    connect(verify, &QAction::triggered, this, &MainWindow::verifyFromMenu);
    QAction *goTo = tools->addAction(workbench::Theme::icon(QStringLiteral("search")), tr("&Go to…"));
    goTo->setObjectName(QStringLiteral("goToAction"));
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(goTo, &QAction::triggered, this, &MainWindow::showGoTo);
    addContributed(tools, workbench::ActionContribution::Menu::Tools);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(workbench::Theme::icon(QStringLiteral("info")), tr("&About MDP"));
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    addContributed(help, workbench::ActionContribution::Menu::Help);
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
    for (const workbench::IndicatorContribution &indicator : m_contributions.indicators()) {
        if (indicator.place != workbench::IndicatorContribution::Place::StatusBar)
            continue;
        QWidget *widget = indicator.create(*this, bar);
        m_indicators << widget;
        bar->addPermanentWidget(widget);
    }
}

void MainWindow::refreshStatus()
{
    if (m_context->isBusy()) {
        if (m_integrity->isRunning()) {
            m_statusIntegrityIcon->setPixmap(
                workbench::Theme::icon(QStringLiteral("shield"), workbench::Theme::muted()).pixmap(16, 16));
            m_statusIntegrity->setText(tr("Verifying…"));
        }
        return;
    }
    const workspace::WorkspaceInfo info = m_workspace.info();
    m_statusWorkspace->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(info.directory)));
    m_statusWorkspace->setToolTip(QDir::toNativeSeparators(info.directory));
    m_statusCipher->setText(tr("Encryption: %1").arg(workbench::CipherNames::shortName(info.pageCipher)));
    m_statusCipher->setToolTip(tr("Database %1, files %2")
                                   .arg(workbench::CipherNames::describe(info.pageCipher),
                                        workbench::CipherNames::describe(info.blobCipher)));
    m_statusAudit->setText(tr("Audit events: %1").arg(QLocale().toString(info.auditEvents)));

    const auto &report = m_integrity->lastReport();
    const workspace::AuditHistoryState &history = m_integrity->history();
    if (!report && history.started && !history.finished) {
        m_statusIntegrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield"), workbench::Theme::muted()).pixmap(16, 16));
        m_statusIntegrity->setText(
            tr("Checking audit history… %1%")
                .arg(history.bytesTotal > 0 ? int(history.bytesDone * 100 / history.bytesTotal) : 0));
    } else if (!report && history.finished && history.ok) {
        m_statusIntegrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield-check"), workbench::Theme::good()).pixmap(16, 16));
        m_statusIntegrity->setText(
            tr("Audit history verified %1")
                .arg(history.finishedAt.toLocalTime().toString(QStringLiteral("HH:mm"))));
    } else if (!report) {
        m_statusIntegrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield"), workbench::Theme::muted()).pixmap(16, 16));
        m_statusIntegrity->setText(tr("Integrity not yet verified"));
    } else if (report->ok) {
        m_statusIntegrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield-check"), workbench::Theme::good()).pixmap(16, 16));
        m_statusIntegrity->setText(
            tr("Integrity verified %1")
                .arg(m_integrity->lastChecked().toLocalTime().toString(QStringLiteral("HH:mm"))));
    } else {
        m_statusIntegrityIcon->setPixmap(
            workbench::Theme::icon(QStringLiteral("shield-alert"), workbench::Theme::bad()).pixmap(16, 16));
        m_statusIntegrity->setText(tr("Integrity problem"));
    }
    m_statusIntegrity->setToolTip(report && !report->ok ? report->problem : QString());
}

bool MainWindow::showPage(const QString &id)
{
    const int row = int(m_pageOrder.indexOf(id));
    if (row < 0)
        return false;
    m_rail->setCurrentRow(row);
    return true;
}

QString MainWindow::currentPage() const
{
    const int row = m_rail->currentRow();
    return row >= 0 && row < m_pageOrder.size() ? m_pageOrder.at(row) : QStringLiteral("overview");
}

bool MainWindow::open(const QString &kind, const QString &id, const QVariantMap &hints)
{
    for (const workbench::LinkHandler &handler : m_contributions.linkHandlers(kind)) {
        if (handler.open(*this, id, hints))
            return true;
    }
    return false;
}

void MainWindow::showGoTo()
{
    GoToDialog dialog(*this, this);
    dialog.exec();
}

void MainWindow::restoreGeometryForUser()
{
    // Per account: a shared workstation remembers where each person keeps the window. The first
    // start fills the screen's available area (a 1920×1080 screen gets 1920×1080, not a small window).
    const QByteArray saved = m_settings.windowGeometry(m_context->session().accountId);
    if (!saved.isEmpty() && restoreGeometry(saved))
        return;
    QScreen *screen = QGuiApplication::primaryScreen();
    if (screen)
        setGeometry(screen->availableGeometry());
    else
        resize(1280, 800);
    setWindowState(windowState() | Qt::WindowMaximized);
}

void MainWindow::saveGeometryForUser()
{
    m_settings.setWindowGeometry(m_context->session().accountId, saveGeometry());
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
    SettingsDialog dialog(m_settings, this, this);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT settingsChanged();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    event->ignore();
    Q_EMIT quitRequested();
}

} // namespace mdp::shell
