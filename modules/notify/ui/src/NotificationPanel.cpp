#include "NotificationPanel.h"

#include "mdp/forms/FormStore.h"
#include "mdp/forms/ui/NotificationText.h"
#include "mdp/workbench/Language.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace mdp::notify::ui {

namespace {
constexpr int maxNotices = 100;
constexpr int noticeIdRole = Qt::UserRole + 1;
} // namespace

NotificationPanel::NotificationPanel(workbench::SessionContext &context, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_context(context)
    , m_header(workbench::makeLabel(QString(), QStringLiteral("sectionTitle"), this))
    , m_list(new QListWidget(this))
    , m_empty(workbench::makeLabel(QString(), QStringLiteral("muted"), this))
    , m_markAll(new QPushButton(this))
{
    setObjectName(QStringLiteral("notificationPanel"));
    setFrameShape(QFrame::NoFrame);
    setFixedWidth(440);
    setMinimumHeight(200);
    setMaximumHeight(600);
    setStyleSheet(QStringLiteral(
        "QFrame#notificationPanel { background: #ffffff; border: 1px solid #c5ced8; border-radius: 8px; }"
        "QListWidget#notificationList { border: none; background: #ffffff; outline: 0; }"
        "QListWidget#notificationList::item { border-bottom: 1px solid #edf0f3; padding: 0px; }"
        "QListWidget#notificationList::item:hover { background: #f4f8fc; }"
        "QListWidget#notificationList::item:selected { background: #eaf3fb; }"
        "QLabel#noticeSubject { color: #10263b; }"
        "QLabel#noticeKind { font-size: 8.5pt; font-weight: 600; }"
        "QLabel#noticeTime { color: #5f6b7a; font-size: 8.5pt; }"
        "QLabel#noticeDetail { color: #3e4c59; }"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 8);
    layout->setSpacing(6);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(16, 0, 12, 0);
    m_header->setObjectName(QStringLiteral("notificationHeader"));
    top->addWidget(m_header, 1);
    m_markAll->setObjectName(QStringLiteral("markAllReadButton"));
    m_markAll->setText(tr("Mark all read"));
    m_markAll->setFlat(true);
    m_markAll->setCursor(Qt::PointingHandCursor);
    top->addWidget(m_markAll);
    layout->addLayout(top);

    m_list->setObjectName(QStringLiteral("notificationList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_list, 1);
    m_empty->setObjectName(QStringLiteral("notificationEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    layout->addWidget(m_empty, 1);

    auto *hint = workbench::makeLabel(tr("Click a notice to open its record. Notices name patients by "
                                         "pseudonymous ID only."),
                                      QStringLiteral("muted"), this);
    hint->setWordWrap(true);
    hint->setContentsMargins(16, 4, 16, 0);
    hint->setStyleSheet(QStringLiteral("font-size: 8.5pt;"));
    layout->addWidget(hint);

    connect(m_markAll, &QPushButton::clicked, this, [this] { markAllRead(); });
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { activate(m_list->row(item)); });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { activate(m_list->row(item)); });
}

void NotificationPanel::reload()
{
    m_list->clear();
    m_notices.clear();
    forms::FormStore &store = m_context.workspace().forms();
    if (m_context.isBusy()) {
        showError(tr("Another task is running; notices appear when it has finished."));
        return;
    }
    const QString language = workbench::Language::current();
    if (auto definitions = store.definitions()) {
        m_formTitles.clear();
        for (const forms::FormDefinition &d : definitions.value())
            m_formTitles.insert(d.id, d.title.text(language));
    }
    auto notices = store.notifications(m_context.session().accountId);
    if (!notices) {
        showError(tr("The notices could not be read: %1").arg(notices.error().message));
        return;
    }
    m_notices = notices.value();
    std::stable_sort(m_notices.begin(), m_notices.end(),
                     [](const forms::Notification &a, const forms::Notification &b) { return a.at > b.at; });
    if (m_notices.size() > maxNotices)
        m_notices.resize(maxNotices);
    int unread = 0;
    for (int row = 0; row < m_notices.size(); ++row) {
        const forms::Notification &notice = m_notices.at(row);
        unread += notice.read ? 0 : 1;
        auto *item = new QListWidgetItem(m_list);
        item->setData(noticeIdRole, notice.id);
        item->setData(Qt::AccessibleTextRole,
                      forms::ui::NotificationText::kindText(notice.kind) + QStringLiteral(": ") +
                          forms::ui::NotificationText::subject(notice, m_formTitles.value(notice.formId)));
        QWidget *widget = rowWidget(notice, row);
        item->setSizeHint(widget->sizeHint());
        m_list->setItemWidget(item, widget);
    }
    m_header->setText(unread == 0 ? tr("Notifications") : tr("Notifications (%1 unread)").arg(unread));
    m_markAll->setEnabled(unread > 0);
    m_empty->setText(tr("No notices yet. You will be told here when a record needs your review or a "
                        "review of yours is decided."));
    m_empty->setVisible(m_notices.isEmpty());
    m_list->setVisible(!m_notices.isEmpty());
    // As tall as the notices need, up to a screenful; the list scrolls beyond that.
    int listHeight = 4;
    for (int row = 0; row < m_list->count(); ++row)
        listHeight += m_list->item(row)->sizeHint().height();
    m_list->setFixedHeight(std::clamp(listHeight, 80, 440));
    adjustSize();
}

QWidget *NotificationPanel::rowWidget(const forms::Notification &notice, int row)
{
    auto *widget = new QWidget(m_list);
    widget->setObjectName(QStringLiteral("notice-%1").arg(row));
    widget->setAttribute(Qt::WA_TransparentForMouseEvents, false);
    auto *layout = new QHBoxLayout(widget);
    layout->setContentsMargins(14, 10, 10, 10);
    layout->setSpacing(10);

    const bool rejected = notice.kind == forms::Notification::Kind::RecordRejected ||
                          notice.kind == forms::Notification::Kind::SecurityAlert;
    const bool overdue = notice.kind == forms::Notification::Kind::ReviewOverdue ||
                         notice.kind == forms::Notification::Kind::GrantExpiring;
    const QColor tint = rejected  ? workbench::Theme::bad()
                        : overdue ? workbench::Theme::warning()
                        : notice.kind == forms::Notification::Kind::RecordApproved
                            ? workbench::Theme::good()
                            : workbench::Theme::accent();
    auto *icon = new QLabel(widget);
    icon->setPixmap(
        workbench::Theme::icon(forms::ui::NotificationText::iconName(notice.kind), tint).pixmap(20, 20));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    icon->setFixedWidth(22);
    layout->addWidget(icon, 0, Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    auto *head = new QHBoxLayout;
    head->setSpacing(8);
    auto *kind = new QLabel(forms::ui::NotificationText::kindText(notice.kind), widget);
    kind->setObjectName(QStringLiteral("noticeKind"));
    QPalette palette = kind->palette();
    palette.setColor(QPalette::WindowText, tint);
    kind->setPalette(palette);
    kind->setStyleSheet(QStringLiteral("color: %1;").arg(tint.name()));
    head->addWidget(kind);
    head->addStretch(1);
    auto *time = new QLabel(workbench::formatDateTime(notice.at), widget);
    time->setObjectName(QStringLiteral("noticeTime"));
    head->addWidget(time);
    texts->addLayout(head);
    auto *subject =
        new QLabel(forms::ui::NotificationText::subject(notice, m_formTitles.value(notice.formId)), widget);
    subject->setObjectName(QStringLiteral("noticeSubject"));
    subject->setTextFormat(Qt::PlainText); // ids and reasons are data, never markup
    QFont font = subject->font();
    font.setBold(!notice.read);
    subject->setFont(font);
    texts->addWidget(subject);
    auto *detail = new QLabel(forms::ui::NotificationText::detail(notice), widget);
    detail->setObjectName(QStringLiteral("noticeDetail"));
    detail->setWordWrap(true);
    texts->addWidget(detail);
    layout->addLayout(texts, 1);

    if (!notice.read) {
        auto *mark = new QToolButton(widget);
        mark->setObjectName(QStringLiteral("markReadButton"));
        mark->setIcon(workbench::Theme::icon(QStringLiteral("check"), workbench::Theme::accent()));
        mark->setAutoRaise(true);
        mark->setToolTip(tr("Mark read"));
        mark->setCursor(Qt::PointingHandCursor);
        const qint64 id = notice.id;
        connect(mark, &QToolButton::clicked, this, [this, id] {
            for (int r = 0; r < m_notices.size(); ++r) {
                if (m_notices.at(r).id == id) {
                    markRead(r);
                    return;
                }
            }
        });
        layout->addWidget(mark, 0, Qt::AlignTop);
    }
    // The list sizes the row from the widget; word-wrapped detail needs the width fixed first.
    widget->setFixedWidth(width() - 20);
    widget->adjustSize();
    widget->setMinimumWidth(0);
    widget->setMaximumWidth(QWIDGETSIZE_MAX);
    return widget;
}

void NotificationPanel::popUpAt(QWidget *anchor)
{
    reload();
    adjustSize();
    QPoint at = anchor->mapToGlobal(QPoint(anchor->width() + 8, anchor->height() - height()));
    if (const QScreen *screen = anchor->screen()) {
        const QRect area = screen->availableGeometry();
        at.setY(std::clamp(at.y(), area.top() + 8, std::max(area.top() + 8, area.bottom() - height() - 8)));
    }
    move(at);
    show();
    m_list->setFocus();
}

void NotificationPanel::activate(int row)
{
    if (row < 0 || row >= m_notices.size())
        return;
    const forms::Notification notice = m_notices.at(row);
    if (!notice.read)
        markRead(row);
    hide();
    Q_EMIT openRequested(notice);
}

bool NotificationPanel::markRead(int row)
{
    if (row < 0 || row >= m_notices.size() || m_context.isBusy())
        return false;
    auto done = m_context.workspace().forms().markRead(m_context.session().accountId, m_notices.at(row).id);
    if (!done) {
        showError(tr("The notice could not be marked read: %1").arg(done.error().message));
        return false;
    }
    if (isVisible())
        reload();
    else
        m_notices[row].read = true;
    Q_EMIT readStateChanged();
    return true;
}

bool NotificationPanel::markAllRead()
{
    if (m_context.isBusy())
        return false;
    auto done = m_context.workspace().forms().markAllRead(m_context.session().accountId);
    if (!done) {
        showError(tr("The notices could not be marked read: %1").arg(done.error().message));
        return false;
    }
    reload();
    Q_EMIT readStateChanged();
    return true;
}

void NotificationPanel::showError(const QString &text)
{
    m_header->setText(tr("Notifications"));
    m_empty->setText(text);
    m_empty->setVisible(true);
    m_list->setVisible(false);
}

} // namespace mdp::notify::ui
