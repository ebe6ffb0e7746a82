#include "ReviewInboxPage.h"

#include "ReviewDecisionDialog.h"
#include "ReviewReassignDialog.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/forms/FormStore.h"
#include "mdp/forms/RecordDiff.h"
#include "mdp/forms/ui/NotificationText.h"
#include "mdp/forms/ui/RecordDiffView.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Watermark.h"
#include "mdp/workbench/Widgets.h"
#if __has_include("mdp/forms/ui/FormView.h")
#include "mdp/forms/ui/FormView.h"
#define MDP_SHELL_HAS_FORM_VIEW 1
#endif
#include "mdp/forms/ui/FormsAccess.h"
#include "mdp/workbench/Language.h"
#include "mdp/workbench/Theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mdp::forms::ui {

namespace {

QStringList rolesOf(const workspace::Session &session)
{
    return session.roles.isEmpty() ? QStringList{session.role} : session.roles;
}

void styleTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setItemDelegate(new workbench::PaddedItemDelegate(table));
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(32);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

QAction *addKey(QWidget *page, const QString &name, const QKeySequence &key, std::function<void()> slot)
{
    auto *action = new QAction(page);
    action->setObjectName(name);
    action->setShortcut(key);
    // Only while the inbox is the page in front; a focused text box keeps its letters (it claims
    // printable keys before shortcuts are matched).
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    page->addAction(action);
    // A combo box does not claim letters the way a text box does: typing in one (to pick an entry
    // by its first letter) must never reach approve or reject.
    QObject::connect(action, &QAction::triggered, page, [slot = std::move(slot)] {
        if (qobject_cast<QComboBox *>(QApplication::focusWidget()))
            return;
        slot();
    });
    return action;
}

} // namespace

ReviewInboxPage::ReviewInboxPage(workbench::SessionContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new ReviewTaskModel(this))
    , m_filter(new ReviewTaskFilterModel(this))
    , m_message(workbench::makeMessageLabel(this))
    , m_counts(workbench::makeLabel(QString(), QStringLiteral("muted"), this))
{
    m_manager = FormsAccess::managesReviews(rolesOf(m_context.session()));
    const bool reviewer = rolesOf(m_context.session()).contains(QStringLiteral("reviewer"));
    m_scope = m_manager && !reviewer ? Scope::All : Scope::Mine;
    m_filter->setSourceModel(m_model);
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_counts->setObjectName(QStringLiteral("reviewCounts"));
    m_counts->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 20);
    layout->setSpacing(12);
    layout->addWidget(workbench::makePageHeader(
        tr("Review inbox"),
        m_manager
            ? tr("Submitted records waiting for review. You see every open task and may reassign it or "
                 "escalate what is overdue.")
            : tr("Records submitted for your review. Check what changed, then approve or return the record "
                 "to its submitter with a reason."),
        this));
    layout->addWidget(buildFilters());
    layout->addWidget(m_message);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setModel(m_filter);
    styleTable(m_table);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ReviewTaskModel::DueColumn, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(ReviewTaskModel::PseudonymColumn, 150);
    m_table->setColumnWidth(ReviewTaskModel::FormColumn, 180);
    m_table->setColumnWidth(ReviewTaskModel::CategoryColumn, 110);
    m_table->setColumnWidth(ReviewTaskModel::ProjectColumn, 90);
    m_table->setColumnWidth(ReviewTaskModel::SubmitterColumn, 150);
    m_table->setColumnWidth(ReviewTaskModel::SubmittedColumn, 150);
    m_table->setColumnWidth(ReviewTaskModel::DueColumn, 220);
    m_table->setColumnWidth(ReviewTaskModel::SubmissionColumn, 100);
    m_table->setToolTip(tr("J or ↓ next · K or ↑ previous · Enter open · A approve · R reject · F filter"));
    m_table->installEventFilter(this);

    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(4);
    tableLayout->addWidget(m_table, 1);
    auto *keys =
        workbench::makeLabel(tr("Keys: J/K or ↑/↓ move · Enter open · A approve · R reject · F filter"),
                             QStringLiteral("muted"), tableBox);
    keys->setObjectName(QStringLiteral("reviewKeysHint"));
    keys->setStyleSheet(QStringLiteral("font-size: 8.5pt;"));
    tableLayout->addWidget(keys);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("reviewSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(tableBox);
    splitter->addWidget(buildDetail());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    // The decision needs the record and its changes in view; the list needs a handful of rows.
    splitter->setSizes({260, 470});
    m_table->setMinimumHeight(140);
    layout->addWidget(splitter, 1);

    addKey(this, QStringLiteral("reviewNextAction"), QKeySequence(Qt::Key_J), [this] { moveSelection(1); });
    addKey(this, QStringLiteral("reviewPreviousAction"), QKeySequence(Qt::Key_K),
           [this] { moveSelection(-1); });
    addKey(this, QStringLiteral("reviewApproveAction"), QKeySequence(Qt::Key_A),
           [this] { approveCurrent(); });
    addKey(this, QStringLiteral("reviewRejectAction"), QKeySequence(Qt::Key_R), [this] { rejectCurrent(); });
    addKey(this, QStringLiteral("reviewFilterAction"), QKeySequence(Qt::Key_F), [this] { focusFilter(); });

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { loadDetail(); });
    connect(m_table, &QTableView::doubleClicked, this, [this] { openCurrent(); });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ReviewInboxPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ReviewInboxPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ReviewInboxPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ReviewInboxPage::updateCounts);

    clearDetail(tr("Select a task to see the submitted record and what changed."));
    // Records shown to a reviewer (no identity) carry the reviewer's mark, as the engine obliges.
    workbench::watermarkIfObliged(m_context, this);
}

QWidget *ReviewInboxPage::buildFilters()
{
    auto *card = workbench::makeCard(this);
    auto *row = new QHBoxLayout(card);
    row->setContentsMargins(14, 10, 14, 10);
    row->setSpacing(10);

    if (m_manager) {
        m_mineButton = new QPushButton(tr("My tasks"), card);
        m_allButton = new QPushButton(tr("All open tasks"), card);
        m_mineButton->setObjectName(QStringLiteral("reviewMineButton"));
        m_allButton->setObjectName(QStringLiteral("reviewAllButton"));
        auto *segment = new QHBoxLayout;
        segment->setSpacing(0);
        for (QPushButton *b : {m_mineButton, m_allButton}) {
            b->setCheckable(true);
            b->setProperty("segment", true);
            b->setAutoExclusive(true);
            segment->addWidget(b);
        }
        m_mineButton->setProperty("position", QStringLiteral("first"));
        m_allButton->setProperty("position", QStringLiteral("last"));
        (m_scope == Scope::All ? m_allButton : m_mineButton)->setChecked(true);
        connect(m_mineButton, &QPushButton::clicked, this, [this] { setScope(Scope::Mine); });
        connect(m_allButton, &QPushButton::clicked, this, [this] { setScope(Scope::All); });
        row->addLayout(segment);
    }

    m_search = new QLineEdit(card);
    m_search->setObjectName(QStringLiteral("reviewFilterEdit"));
    m_search->setPlaceholderText(tr("Filter: patient, form, submitter, project (F)"));
    m_search->setToolTip(tr("Filter the tasks (F); Enter or ↓ returns to the list"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(workbench::Theme::icon(QStringLiteral("search"), workbench::Theme::muted()),
                        QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    row->addWidget(m_search, 2);

    m_category = new QComboBox(card);
    m_category->setObjectName(QStringLiteral("reviewCategoryCombo"));
    m_category->setToolTip(tr("Only tasks of this data category"));
    m_category->setMinimumWidth(130);
    row->addWidget(m_category);
    m_form = new QComboBox(card);
    m_form->setObjectName(QStringLiteral("reviewFormCombo"));
    m_form->setToolTip(tr("Only tasks of this form"));
    m_form->setMinimumWidth(170);
    row->addWidget(m_form);
    m_overdueOnly = new QCheckBox(tr("Overdue only"), card);
    m_overdueOnly->setObjectName(QStringLiteral("reviewOverdueCheck"));
    row->addWidget(m_overdueOnly);
    row->addStretch(1);
    row->addWidget(m_counts);

    auto *refresh = new QPushButton(card);
    refresh->setObjectName(QStringLiteral("reviewRefreshButton"));
    refresh->setIcon(workbench::Theme::icon(QStringLiteral("refresh")));
    refresh->setToolTip(tr("Reload the tasks"));
    connect(refresh, &QPushButton::clicked, this, &ReviewInboxPage::refresh);
    row->addWidget(refresh);
    if (m_manager) {
        m_escalate =
            new QPushButton(workbench::Theme::icon(QStringLiteral("clock")), tr("Escalate overdue"), card);
        m_escalate->setObjectName(QStringLiteral("reviewEscalateButton"));
        m_escalate->setToolTip(tr("Mark every overdue task as escalated and tell its reviewer and the data "
                                  "managers (once per task)"));
        connect(m_escalate, &QPushButton::clicked, this, &ReviewInboxPage::escalateOverdue);
        row->addWidget(m_escalate);
    }

    connect(m_search, &QLineEdit::textChanged, m_filter, &ReviewTaskFilterModel::setText);
    connect(m_category, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setCategory(m_category->currentData().toString()); });
    connect(m_form, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setFormId(m_form->currentData().toString()); });
    connect(m_overdueOnly, &QCheckBox::toggled, m_filter, &ReviewTaskFilterModel::setOverdueOnly);
    return card;
}

QWidget *ReviewInboxPage::buildDetail()
{
    auto *card = workbench::makeCard(this);
    auto *outer = new QVBoxLayout(card);
    outer->setContentsMargins(18, 14, 18, 14);
    outer->setSpacing(8);

    m_detailEmpty = workbench::makeLabel(QString(), QStringLiteral("muted"), card);
    m_detailEmpty->setObjectName(QStringLiteral("reviewDetailEmpty"));
    m_detailEmpty->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_detailEmpty, 1);

    m_detailBody = new QWidget(card);
    auto *layout = new QVBoxLayout(m_detailBody);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    auto *head = new QHBoxLayout;
    head->setSpacing(10);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    m_detailTitle = workbench::makeLabel(QString(), QStringLiteral("sectionTitle"), m_detailBody);
    m_detailTitle->setObjectName(QStringLiteral("reviewDetailTitle"));
    m_detailFacts = workbench::makeLabel(QString(), QStringLiteral("muted"), m_detailBody);
    m_detailFacts->setObjectName(QStringLiteral("reviewDetailFacts"));
    titles->addWidget(m_detailTitle);
    titles->addWidget(m_detailFacts);
    head->addLayout(titles, 1);

    m_reassign = new QPushButton(tr("Reassign…"), m_detailBody);
    m_reassign->setObjectName(QStringLiteral("reviewReassignButton"));
    m_reassign->setToolTip(tr("Hand this task to another reviewer"));
    m_reassign->setVisible(m_manager);
    connect(m_reassign, &QPushButton::clicked, this, &ReviewInboxPage::reassignCurrent);
    head->addWidget(m_reassign, 0, Qt::AlignTop);
    m_reject = new QPushButton(workbench::Theme::icon(QStringLiteral("x-circle"), workbench::Theme::bad()),
                               tr("Reject…"), m_detailBody);
    m_reject->setObjectName(QStringLiteral("reviewRejectButton"));
    m_reject->setProperty("danger", true);
    m_reject->setToolTip(tr("Return the record to its submitter with a reason (R)"));
    connect(m_reject, &QPushButton::clicked, this, &ReviewInboxPage::rejectCurrent);
    head->addWidget(m_reject, 0, Qt::AlignTop);
    m_approve = workbench::makeAccentButton(tr("Approve…"), m_detailBody);
    m_approve->setIcon(workbench::Theme::icon(QStringLiteral("check"), Qt::white));
    m_approve->setObjectName(QStringLiteral("reviewApproveButton"));
    m_approve->setToolTip(tr("Approve: the values become the next formal version (A)"));
    connect(m_approve, &QPushButton::clicked, this, &ReviewInboxPage::approveCurrent);
    head->addWidget(m_approve, 0, Qt::AlignTop);
    layout->addLayout(head);

    m_detailNote = workbench::makeMessageLabel(m_detailBody);
    m_detailNote->setObjectName(QStringLiteral("reviewDetailNote"));
    layout->addWidget(m_detailNote);

    m_tabs = new QTabWidget(m_detailBody);
    m_tabs->setObjectName(QStringLiteral("reviewDetailTabs"));
    m_tabs->setDocumentMode(true);
    m_formalDiff = new forms::ui::RecordDiffView(m_tabs);
    m_formalDiff->setObjectName(QStringLiteral("reviewFormalDiff"));
    m_submissionDiff = new forms::ui::RecordDiffView(m_tabs);
    m_submissionDiff->setObjectName(QStringLiteral("reviewSubmissionDiff"));
    m_recordView = new QWidget(m_tabs);
    m_recordView->setObjectName(QStringLiteral("reviewRecordView"));
    m_recordView->setFocusPolicy(Qt::StrongFocus);
    auto *recordLayout = new QVBoxLayout(m_recordView);
    recordLayout->setContentsMargins(0, 6, 0, 0);
#ifdef MDP_SHELL_HAS_FORM_VIEW
    m_formView = new forms::ui::FormView(m_recordView);
    m_formView->setObjectName(QStringLiteral("reviewFormView"));
    m_formView->setReadOnly(true);
    recordLayout->addWidget(m_formView);
#else
    m_recordTable = new QTableWidget(0, 2, m_recordView);
    m_recordTable->setObjectName(QStringLiteral("reviewRecordTable"));
    m_recordTable->setHorizontalHeaderLabels({tr("Field"), tr("Submitted value")});
    m_recordTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recordTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recordTable->setShowGrid(false);
    m_recordTable->setWordWrap(true);
    m_recordTable->setAlternatingRowColors(true);
    m_recordTable->verticalHeader()->hide();
    m_recordTable->horizontalHeader()->setStretchLastSection(true);
    m_recordTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_recordTable->setColumnWidth(0, 240);
    recordLayout->addWidget(m_recordTable);
#endif
    for (auto *diff : {m_formalDiff, m_submissionDiff}) {
        diff->setContentsMargins(0, 6, 0, 0);
        diff->layout()->setContentsMargins(0, 8, 0, 0);
    }
    m_tabs->addTab(m_formalDiff, tr("Changes since formal version"));
    m_tabs->addTab(m_submissionDiff, tr("Changes since last submission"));
    m_tabs->addTab(m_recordView, tr("Submitted record"));
    layout->addWidget(m_tabs, 1);
    outer->addWidget(m_detailBody, 1);
    return card;
}

void ReviewInboxPage::setScope(Scope scope)
{
    if (!m_manager)
        scope = Scope::Mine;
    m_scope = scope;
    if (m_mineButton) {
        m_mineButton->setChecked(scope == Scope::Mine);
        m_allButton->setChecked(scope == Scope::All);
    }
    m_table->setColumnHidden(ReviewTaskModel::ReviewerColumn, scope == Scope::Mine);
    refresh();
}

void ReviewInboxPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    if (!m_search->hasFocus())
        m_table->setFocus();
}

bool ReviewInboxPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (watched == m_table && enter && key->modifiers() == Qt::NoModifier) {
        openCurrent();
        return true;
    }
    if (watched == m_search && (enter || key->key() == Qt::Key_Down)) {
        m_table->setFocus();
        if (!m_table->currentIndex().isValid())
            moveSelection(1);
        return true;
    }
    if (watched == m_search && key->key() == Qt::Key_Escape) {
        if (!m_search->text().isEmpty())
            m_search->clear();
        else
            m_table->setFocus();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ReviewInboxPage::refresh()
{
    if (m_refreshing)
        return;
    if (m_context.isBusy()) {
        workbench::showMessage(m_message, workbench::Severity::Info,
                               tr("Another task is running; the inbox reloads when it has "
                                  "finished."));
        return;
    }
    m_refreshing = true;
    forms::FormStore &store = m_context.workspace().forms();
    const QString me = m_context.session().accountId;
    const QUuid selected = currentRow() ? currentRow()->task.recordId : QUuid();
    const int selectedRow = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;

    auto tasks = m_scope == Scope::All ? store.openTasks() : store.inbox(me);
    if (!tasks) {
        m_refreshing = false;
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The review tasks could not be read: %1").arg(tasks.error().message));
        return;
    }
    const QString language = workbench::Language::current();
    QHash<QString, QString> titles;
    if (auto definitions = store.definitions()) {
        for (const forms::FormDefinition &d : definitions.value())
            titles.insert(d.id, d.title.text(language));
    }
    QHash<QString, QString> names;
    if (auto accounts = m_context.workspace().accounts().list()) {
        for (const accounts::Account &a : accounts.value())
            names.insert(a.idString(), a.displayName);
    }
    m_unreadRecords.clear();
    if (auto unread = store.notifications(me, true)) {
        for (const forms::Notification &n : unread.value()) {
            if (NotificationText::isReviewTask(n.kind))
                m_unreadRecords.insert(n.recordId);
        }
    }
    const QDateTime now = m_context.workspace().clock().now();
    QList<ReviewRow> rows;
    rows.reserve(tasks->size());
    for (const forms::ReviewTask &task : tasks.value()) {
        ReviewRow row;
        row.task = task;
        row.formTitle = titles.value(task.formId, task.formId);
        row.submitterName = names.value(task.submitterId, task.submitterId);
        row.reviewerName = names.value(task.reviewerId, task.reviewerId);
        row.overdue = task.dueAt.isValid() && task.dueAt < now;
        row.mine = task.reviewerId == me;
        row.unread = row.mine && m_unreadRecords.contains(task.recordId);
        rows << row;
    }
    m_model->setRows(std::move(rows));
    m_table->setColumnHidden(ReviewTaskModel::ReviewerColumn, m_scope == Scope::Mine);
    updateFilterChoices();
    m_refreshing = false;

    // Keep the task in front; when it left the inbox (decided), the one that took its place.
    if (!selected.isNull() && selectRecord(selected))
        return updateCounts();
    if (m_filter->rowCount() > 0) {
        const int row = std::clamp(selectedRow, 0, m_filter->rowCount() - 1);
        m_table->setCurrentIndex(m_filter->index(row, 0));
    } else {
        clearDetail(m_model->rows().isEmpty()
                        ? tr("Nothing to review. New submissions appear here and the bell "
                             "tells you.")
                        : tr("No task matches the filters."));
    }
    updateCounts();
}

void ReviewInboxPage::updateFilterChoices()
{
    const QString category = m_category->currentData().toString();
    const QString form = m_form->currentData().toString();
    QMap<QString, QString> categories;
    QMap<QString, QString> forms;
    for (const ReviewRow &row : m_model->rows()) {
        categories.insert(row.task.category, ReviewTaskModel::categoryText(row.task.category));
        forms.insert(row.task.formId, row.formTitle);
    }
    // The chosen filter stays offered even when no task has it any more, so it does not jump.
    if (!category.isEmpty())
        categories.insert(category, ReviewTaskModel::categoryText(category));
    if (!form.isEmpty() && !forms.contains(form))
        forms.insert(form, m_form->currentText());
    const QSignalBlocker blockCategory(m_category);
    const QSignalBlocker blockForm(m_form);
    m_category->clear();
    m_category->addItem(tr("All categories"), QString());
    for (auto it = categories.cbegin(); it != categories.cend(); ++it)
        m_category->addItem(it.value(), it.key());
    m_category->setCurrentIndex(std::max(0, m_category->findData(category)));
    m_form->clear();
    m_form->addItem(tr("All forms"), QString());
    for (auto it = forms.cbegin(); it != forms.cend(); ++it)
        m_form->addItem(it.value(), it.key());
    m_form->setCurrentIndex(std::max(0, m_form->findData(form)));
}

int ReviewInboxPage::unreadCount() const
{
    return int(std::count_if(m_model->rows().cbegin(), m_model->rows().cend(),
                             [](const ReviewRow &r) { return r.unread; }));
}

int ReviewInboxPage::overdueCount() const
{
    return int(std::count_if(m_model->rows().cbegin(), m_model->rows().cend(),
                             [](const ReviewRow &r) { return r.overdue; }));
}

void ReviewInboxPage::updateCounts()
{
    const int total = openCount();
    QString text =
        tr("%n open", nullptr, total) + QStringLiteral(" · ") + tr("%n unread", nullptr, unreadCount());
    const int overdue = overdueCount();
    if (overdue > 0)
        text += QStringLiteral(" · ") + tr("%n overdue", nullptr, overdue);
    if (m_filter->rowCount() != total)
        text += QStringLiteral(" · ") + tr("%1 shown").arg(m_filter->rowCount());
    m_counts->setText(text);
    m_counts->setStyleSheet(overdue > 0 ? QStringLiteral("color: #c62828; font-weight: 600;") : QString());
}

const ReviewRow *ReviewInboxPage::currentRow() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return nullptr;
    return m_model->rowAt(m_filter->mapToSource(index).row());
}

bool ReviewInboxPage::selectRecord(const QUuid &recordId)
{
    const int source = m_model->rowOfRecord(recordId);
    if (source < 0)
        return false;
    QModelIndex index = m_filter->mapFromSource(m_model->index(source, 0));
    if (!index.isValid()) {
        // Hidden by a filter: the task asked for wins over the filter.
        m_search->clear();
        m_category->setCurrentIndex(0);
        m_form->setCurrentIndex(0);
        m_overdueOnly->setChecked(false);
        index = m_filter->mapFromSource(m_model->index(source, 0));
    }
    if (!index.isValid())
        return false;
    if (m_table->currentIndex().row() == index.row()) {
        if (m_shownRecord != recordId)
            loadDetail();
    } else {
        m_table->setCurrentIndex(index);
    }
    m_table->scrollTo(index);
    return true;
}

void ReviewInboxPage::moveSelection(int delta)
{
    const int count = m_filter->rowCount();
    if (count == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, count - 1) : 0;
    m_table->setCurrentIndex(m_filter->index(row, current.isValid() ? current.column() : 0));
    m_table->setFocus();
}

void ReviewInboxPage::focusFilter()
{
    m_search->setFocus();
    m_search->selectAll();
}

void ReviewInboxPage::openCurrent()
{
    if (!m_record)
        return;
    m_tabs->setCurrentWidget(m_recordView);
    m_recordView->setFocus();
}

void ReviewInboxPage::clearDetail(const QString &message)
{
    m_record.reset();
    m_definition.reset();
    m_shownRecord = QUuid();
    m_detailEmpty->setText(message);
    m_detailEmpty->show();
    m_detailBody->hide();
    updateActions();
}

void ReviewInboxPage::loadDetail()
{
    const ReviewRow *row = currentRow();
    if (!row)
        return clearDetail(tr("Select a task to see the submitted record and what changed."));
    if (m_context.isBusy())
        return;
    forms::FormStore &store = m_context.workspace().forms();
    const QString me = m_context.session().accountId;
    const forms::ReviewTask task = row->task;
    const bool sameRecord = m_shownRecord == task.recordId;
    auto record = store.record(me, task.recordId);
    if (!record) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The record could not be opened: %1").arg(record.error().message));
        return clearDetail(tr("The record could not be opened."));
    }
    auto definition = store.definition(record->formId, record->formVersion);
    if (!definition) {
        workbench::showMessage(
            m_message, workbench::Severity::Error,
            tr("The form of this record could not be read: %1").arg(definition.error().message));
        return clearDetail(tr("The record could not be opened."));
    }
    m_record = record.value();
    m_definition = definition.value();
    m_shownRecord = task.recordId;
    const QString language = workbench::Language::current();

    m_detailTitle->setText(tr("%1 · %2 (form version %3)")
                               .arg(task.patientPseudonym, definition->title.text(language))
                               .arg(record->formVersion));
    QStringList facts;
    facts << tr("Submission %1").arg(task.submission);
    facts << tr("submitted by %1 on %2").arg(row->submitterName, workbench::formatDateTime(task.assignedAt));
    facts << (row->overdue ? tr("overdue since %1").arg(workbench::formatDateTime(task.dueAt))
                           : tr("due %1").arg(workbench::formatDateTime(task.dueAt)));
    facts << tr("category %1").arg(ReviewTaskModel::categoryText(task.category));
    facts << tr("project %1").arg(task.projectId.isEmpty() ? tr("(default)") : task.projectId);
    if (!row->mine)
        facts << tr("reviewer %1").arg(row->reviewerName);
    m_detailFacts->setText(facts.join(QStringLiteral(" · ")));

    if (task.submission > 1 && !record->lastReason.isEmpty())
        workbench::showMessage(
            m_detailNote, workbench::Severity::Warning,
            tr("Resubmitted after rejection. The reason given then: %1").arg(record->lastReason));
    else if (record->formalVersion > 0)
        workbench::showMessage(
            m_detailNote, workbench::Severity::Info,
            tr("An amendment of formal version %1, which stays in force until this is approved.")
                .arg(record->formalVersion));
    else
        workbench::showMessage(m_detailNote, workbench::Severity::None, QString());

    // Against the formal version in force (R-6.2.4b).
    if (record->formalVersion > 0) {
        m_formalDiff->showDiff(definition.value(), record->formalValues, record->values, language,
                               tr("Formal version %1").arg(record->formalVersion), tr("Submitted"));
        m_tabs->setTabText(0, tr("Changes since formal version %1 (%2)")
                                  .arg(record->formalVersion)
                                  .arg(m_formalDiff->changes().size()));
    } else {
        m_formalDiff->showNoBaseline(
            tr("No previous formal version: this record has never been approved, so every "
               "value is new. See \"Submitted record\"."));
        m_tabs->setTabText(0, tr("Changes since formal version"));
    }

    // Between submissions: the values of the previous submit against this one.
    std::optional<forms::RecordVersion> previousSubmit;
    if (auto history = store.history(me, task.recordId)) {
        QList<forms::RecordVersion> submits;
        for (const forms::RecordVersion &v : history.value()) {
            if (v.transition == forms::Transition::Submit)
                submits << v;
        }
        if (submits.size() >= 2)
            previousSubmit = submits.at(submits.size() - 2);
    }
    if (previousSubmit) {
        m_submissionDiff->showDiff(definition.value(), previousSubmit->values, record->values, language,
                                   tr("Submitted %1").arg(workbench::formatDateTime(previousSubmit->at)),
                                   tr("Now"));
        m_tabs->setTabText(1,
                           tr("Changes since last submission (%1)").arg(m_submissionDiff->changes().size()));
    } else {
        m_submissionDiff->showNoBaseline(
            tr("First submission: there is no earlier submission to compare with."));
        m_tabs->setTabText(1, tr("Changes since last submission"));
    }
    m_tabs->setTabEnabled(0, true);

#ifdef MDP_SHELL_HAS_FORM_VIEW
    m_formView->setDefinition(definition.value(), language);
    m_formView->setToday(m_context.workspace().clock().now().toLocalTime().date());
    m_formView->setValues(record->values);
    m_formView->setReadOnly(true);
#else
    fillRecordTable(definition.value(), record.value());
#endif
    if (!sameRecord) {
        // What is most useful first: the changes when there is a baseline, else the record itself.
        if (record->formalVersion > 0)
            m_tabs->setCurrentIndex(0);
        else if (previousSubmit)
            m_tabs->setCurrentIndex(1);
        else
            m_tabs->setCurrentWidget(m_recordView);
    }
    m_detailEmpty->hide();
    m_detailBody->show();
    updateActions();
    if (row->unread)
        markTaskNoticesRead(task.recordId);
}

#ifndef MDP_SHELL_HAS_FORM_VIEW
void ReviewInboxPage::fillRecordTable(const forms::FormDefinition &definition,
                                      const forms::FormRecord &record)
{
    const QString language = workbench::Language::current();
    m_recordTable->setRowCount(0);
    auto addRow = [this](const QString &label, const QString &value, bool heading) {
        const int row = m_recordTable->rowCount();
        m_recordTable->insertRow(row);
        auto *name = new QTableWidgetItem(label);
        auto *text = new QTableWidgetItem(value);
        if (heading) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
            name->setForeground(workbench::Theme::accent());
        } else {
            name->setForeground(workbench::Theme::muted());
        }
        text->setToolTip(value);
        m_recordTable->setItem(row, 0, name);
        m_recordTable->setItem(row, 1, text);
    };
    for (const forms::SectionDefinition &section : definition.sections) {
        addRow(section.title.text(language), QString(), true);
        for (const forms::FieldDefinition &field : section.fields) {
            const QString label =
                field.label.text(language).isEmpty() ? field.id : field.label.text(language);
            const QJsonValue value = record.values.value(field.id);
            if (field.type == forms::FieldType::Group) {
                const QJsonArray rows = value.toArray();
                if (rows.isEmpty())
                    addRow(label, QStringLiteral("—"), false);
                for (int i = 0; i < rows.size(); ++i) {
                    const QString path = QStringLiteral("%1[%2]").arg(field.id).arg(i);
                    addRow(forms::ui::RecordDiffView::fieldLabel(definition, path, language),
                           forms::ui::RecordDiffView::valueText(definition, path, rows.at(i), language),
                           false);
                }
                continue;
            }
            addRow(label, forms::displayValue(field, value, language), false);
        }
    }
    m_recordTable->resizeRowsToContents();
}

#endif

void ReviewInboxPage::markTaskNoticesRead(const QUuid &recordId)
{
    forms::FormStore &store = m_context.workspace().forms();
    const QString me = m_context.session().accountId;
    auto unread = store.notifications(me, true);
    if (!unread)
        return;
    bool changed = false;
    for (const forms::Notification &n : unread.value()) {
        if (n.recordId == recordId && NotificationText::isReviewTask(n.kind))
            changed = store.markRead(me, n.id).ok() || changed;
    }
    m_unreadRecords.remove(recordId);
    m_model->setUnread(recordId, false);
    updateCounts();
    if (changed)
        Q_EMIT noticesRead();
}

void ReviewInboxPage::updateActions()
{
    const ReviewRow *row = currentRow();
    const bool decidable = row && m_record && row->mine && m_record->status == forms::RecordStatus::Pending;
    m_approve->setEnabled(decidable);
    m_reject->setEnabled(decidable);
    m_reassign->setEnabled(m_manager && row != nullptr);
    if (row && m_record && !row->mine) {
        m_approve->setToolTip(tr("Only the assigned reviewer (%1) decides this task").arg(row->reviewerName));
        m_reject->setToolTip(m_approve->toolTip());
    } else {
        m_approve->setToolTip(tr("Approve: the values become the next formal version (A)"));
        m_reject->setToolTip(tr("Return the record to its submitter with a reason (R)"));
    }
}

QString ReviewInboxPage::subjectText() const
{
    const ReviewRow *row = currentRow();
    if (!row)
        return {};
    return tr("%1 · %2 · submission %3 · submitted by %4")
        .arg(row->task.patientPseudonym, row->formTitle)
        .arg(row->task.submission)
        .arg(row->submitterName);
}

bool ReviewInboxPage::approveCurrent()
{
    const ReviewRow *row = currentRow();
    if (!row || !m_record || !m_approve->isEnabled())
        return false;
    // The dialog's event loop may reload the inbox under it (another window's write): decide on what
    // the reviewer saw, so a race shows up as the store's Conflict, never as a silent new target.
    const QUuid recordId = m_record->id;
    const int revision = m_record->revision;
    const QString pseudonym = row->task.patientPseudonym;
    ReviewDecisionDialog dialog(ReviewDecisionDialog::Decision::Approve, subjectText(),
                                m_record->formalVersion + 1, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (m_context.isBusy()) {
        workbench::showMessage(m_message, workbench::Severity::Warning,
                               tr("Another task is running; try again when it has finished."));
        return false;
    }
    auto approved = m_context.workspace().forms().approve(m_context.session().accountId, recordId, revision,
                                                          dialog.text());
    if (!approved) {
        reportFailure(Action::Approve, approved.error());
        return false;
    }
    workbench::showMessage(
        m_message, workbench::Severity::Success,
        tr("Approved %1: formal version %2 is now in force and the submitter was notified.")
            .arg(pseudonym)
            .arg(approved->formalVersion));
    m_context.notifyChanged();
    refresh();
    return true;
}

bool ReviewInboxPage::rejectCurrent()
{
    const ReviewRow *row = currentRow();
    if (!row || !m_record || !m_reject->isEnabled())
        return false;
    const QUuid recordId = m_record->id;
    const int revision = m_record->revision;
    const QString pseudonym = row->task.patientPseudonym;
    ReviewDecisionDialog dialog(ReviewDecisionDialog::Decision::Reject, subjectText(),
                                m_record->formalVersion + 1, this);
    if (dialog.exec() != QDialog::Accepted || dialog.text().isEmpty())
        return false;
    if (m_context.isBusy()) {
        workbench::showMessage(m_message, workbench::Severity::Warning,
                               tr("Another task is running; try again when it has finished."));
        return false;
    }
    auto rejected = m_context.workspace().forms().reject(m_context.session().accountId, recordId, revision,
                                                         dialog.text());
    if (!rejected) {
        reportFailure(Action::Reject, rejected.error());
        return false;
    }
    workbench::showMessage(
        m_message, workbench::Severity::Success,
        tr("Returned %1 to the submitter with your reason; they were notified.").arg(pseudonym));
    m_context.notifyChanged();
    refresh();
    return true;
}

bool ReviewInboxPage::reassignCurrent()
{
    const ReviewRow *row = currentRow();
    if (!m_manager || !row)
        return false;
    forms::FormStore &store = m_context.workspace().forms();
    const forms::ReviewTask task = row->task;
    const QString current = row->reviewerName;
    auto profiles = store.reviewerProfiles();
    if (!profiles) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The reviewers could not be read: %1").arg(profiles.error().message));
        return false;
    }
    QHash<QString, QString> names;
    if (auto accounts = m_context.workspace().accounts().list()) {
        for (const accounts::Account &a : accounts.value())
            names.insert(a.idString(), a.displayName);
    }
    QList<QPair<QString, QString>> candidates;
    for (const forms::ReviewerProfile &p : profiles.value()) {
        if (!p.active || p.accountId == task.submitterId || p.accountId == task.reviewerId)
            continue;
        candidates << qMakePair(p.accountId, names.value(p.accountId, p.accountId));
    }
    ReviewReassignDialog dialog(subjectText(), current, candidates, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    auto moved = store.reassign(m_context.session().accountId, task.id, dialog.reviewerId(), dialog.reason());
    if (!moved) {
        reportFailure(Action::Reassign, moved.error());
        return false;
    }
    workbench::showMessage(
        m_message, workbench::Severity::Success,
        tr("The task for %1 now lies with %2; both reviewers were notified.")
            .arg(task.patientPseudonym, names.value(dialog.reviewerId(), dialog.reviewerId())));
    m_context.notifyChanged();
    refresh();
    return true;
}

bool ReviewInboxPage::escalateOverdue()
{
    if (!m_manager || m_context.isBusy())
        return false;
    auto escalated = m_context.workspace().forms().escalateOverdue();
    if (!escalated) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("Overdue tasks could not be escalated: %1").arg(escalated.error().message));
        return false;
    }
    workbench::showMessage(
        m_message, escalated->isEmpty() ? workbench::Severity::Info : workbench::Severity::Success,
        escalated->isEmpty()
            ? tr("No task needed escalating: overdue tasks are escalated once.")
            : tr("%n overdue task(s) escalated; their reviewers and the data managers were told.", nullptr,
                 int(escalated->size())));
    m_context.notifyChanged();
    refresh();
    return true;
}

void ReviewInboxPage::reportFailure(Action action, const Error &error)
{
    switch (error.code) {
    case Error::Code::Conflict:
        workbench::showMessage(
            m_message, workbench::Severity::Warning,
            tr("Another reviewer acted first: the record changed after you opened it, so nothing was "
               "written. The inbox has been reloaded; check the record's current state."));
        refresh();
        return;
    case Error::Code::PermissionDenied:
        workbench::showMessage(
            m_message, workbench::Severity::Error,
            action == Action::Reassign
                ? tr("You may not reassign this task: %1").arg(error.message)
                : tr("You may not decide this record (only its assigned reviewer may, and never on "
                     "their own submission): %1")
                      .arg(error.message));
        return;
    case Error::Code::NotFound:
        workbench::showMessage(
            m_message, workbench::Severity::Warning,
            tr("The record is no longer waiting for you (withdrawn or reassigned). The inbox has been "
               "reloaded."));
        refresh();
        return;
    case Error::Code::InvalidArgument:
        workbench::showMessage(m_message, workbench::Severity::Error,
                               action == Action::Approve
                                   ? tr("The record cannot be approved as it stands: %1").arg(error.message)
                               : action == Action::Reject
                                   ? tr("The record cannot be rejected: %1").arg(error.message)
                                   : tr("The task cannot be reassigned: %1").arg(error.message));
        return;
    default:
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The decision was not written: %1").arg(error.message));
        return;
    }
}

} // namespace mdp::forms::ui
