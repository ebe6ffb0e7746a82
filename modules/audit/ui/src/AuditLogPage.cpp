#include "AuditLogPage.h"

#include "AuditReportsDialog.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/audit/ui/AuditEventTableModel.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/AuditQueries.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mdp::audit::ui {

AuditLogPage::AuditLogPage(workbench::SessionContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new AuditEventTableModel(this))
    , m_mode(new QButtonGroup(this))
    , m_criteria(new QStackedWidget(this))
    , m_user(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_dataId(new QLineEdit(this))
    , m_search(workbench::makeAccentButton(tr("Search"), this))
    , m_verify(
          new QPushButton(workbench::Theme::icon(QStringLiteral("shield-check")), tr("Verify chain"), this))
    , m_progress(new QProgressBar(this))
    , m_message(workbench::makeMessageLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
{
    m_user->setObjectName(QStringLiteral("auditUserCombo"));
    m_from->setObjectName(QStringLiteral("auditFromEdit"));
    m_to->setObjectName(QStringLiteral("auditToEdit"));
    m_dataId->setObjectName(QStringLiteral("auditDataIdEdit"));
    m_search->setObjectName(QStringLiteral("auditSearchButton"));
    m_verify->setObjectName(QStringLiteral("auditVerifyButton"));
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_detail->setObjectName(QStringLiteral("auditDetail"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(14);
    layout->addWidget(
        workbench::makePageHeader(tr("Audit log"),
                                  tr("Trace what one user did over a period, or what happened to one "
                                     "datum. Every search is itself recorded in the log."),
                                  this));

    auto *filterCard = workbench::makeCard(this);
    auto *filter = new QVBoxLayout(filterCard);
    filter->setContentsMargins(16, 12, 16, 12);
    filter->setSpacing(10);
    auto *modeRow = new QHBoxLayout;
    modeRow->setSpacing(0);
    auto *byUser = new QPushButton(tr("By user and period"), filterCard);
    auto *byData = new QPushButton(tr("By data ID"), filterCard);
    byUser->setObjectName(QStringLiteral("auditByUserButton"));
    byData->setObjectName(QStringLiteral("auditByDataButton"));
    for (QPushButton *b : {byUser, byData}) {
        b->setCheckable(true);
        b->setProperty("segment", true);
        modeRow->addWidget(b);
    }
    byUser->setProperty("position", QStringLiteral("first"));
    byData->setProperty("position", QStringLiteral("last"));
    byUser->setChecked(true);
    m_mode->addButton(byUser, 0);
    m_mode->addButton(byData, 1);
    modeRow->addStretch();
    filter->addLayout(modeRow);

    auto *userPage = new QWidget(m_criteria);
    auto *userRow = new QHBoxLayout(userPage);
    userRow->setContentsMargins(0, 0, 0, 0);
    userRow->setSpacing(8);
    m_user->setEditable(true);
    m_user->setMinimumWidth(200);
    m_user->setInsertPolicy(QComboBox::NoInsert);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setTimeSpec(Qt::LocalTime);
        edit->setMinimumWidth(170);
    }
    const QDate today = m_context.workspace().clock().now().toLocalTime().date();
    m_from->setDateTime(QDateTime(today.addDays(-30), QTime(0, 0)));
    m_to->setDateTime(QDateTime(today, QTime(23, 59)));
    userRow->addWidget(new QLabel(tr("User"), userPage));
    userRow->addWidget(m_user);
    userRow->addSpacing(12);
    userRow->addWidget(new QLabel(tr("From"), userPage));
    userRow->addWidget(m_from);
    userRow->addWidget(new QLabel(tr("to"), userPage));
    userRow->addWidget(m_to);
    userRow->addStretch();
    m_criteria->addWidget(userPage);

    auto *dataPage = new QWidget(m_criteria);
    auto *dataRow = new QHBoxLayout(dataPage);
    dataRow->setContentsMargins(0, 0, 0, 0);
    dataRow->setSpacing(8);
    m_dataId->setPlaceholderText(tr("type:id, e.g. patient:P-000123, or the ID alone"));
    m_dataId->setMinimumWidth(340);
    dataRow->addWidget(new QLabel(tr("Data ID"), dataPage));
    dataRow->addWidget(m_dataId);
    dataRow->addStretch();
    m_criteria->addWidget(dataPage);
    m_criteria->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *criteriaRow = new QHBoxLayout;
    criteriaRow->addWidget(m_criteria, 1);
    m_search->setIcon(workbench::Theme::icon(QStringLiteral("search"), Qt::white));
    criteriaRow->addWidget(m_search);
    criteriaRow->addWidget(m_verify);
    // Quarterly reports (issue 13): their history, a new one, saved as PDF.
    auto *reports = new QPushButton(workbench::Theme::icon(QStringLiteral("form")), tr("Reports…"), this);
    reports->setObjectName(QStringLiteral("auditReportsButton"));
    criteriaRow->addWidget(reports);
    connect(reports, &QPushButton::clicked, this, [this] {
        AuditReportsDialog dialog(m_context.workspace(), this);
        dialog.exec();
    });
    filter->addLayout(criteriaRow);
    layout->addWidget(filterCard);

    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);
    layout->addWidget(m_message);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegate(new workbench::PaddedItemDelegate(m_table));
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select an event to see its full record."));
    QFont mono(QStringLiteral("Noto Sans Mono CJK SC"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(9);
    m_detail->setFont(mono);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    connect(m_mode, &QButtonGroup::idClicked, m_criteria, &QStackedWidget::setCurrentIndex);
    connect(m_search, &QPushButton::clicked, this, &AuditLogPage::search);
    connect(m_dataId, &QLineEdit::returnPressed, this, &AuditLogPage::search);
    connect(m_verify, &QPushButton::clicked, this, &AuditLogPage::verifyChain);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditLogPage::showSelected);
    connect(&m_context, &workbench::SessionContext::busyChanged, this, [this](bool busy) {
        m_search->setEnabled(!busy);
        m_verify->setEnabled(!busy);
    });
    loadUsers();
    workbench::showMessage(
        m_message, workbench::Severity::Info,
        tr("Choose a user and a period, or a data ID, then search. Nothing is read until you do."));
}

void AuditLogPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_user->count() == 0)
        loadUsers();
}

void AuditLogPage::loadUsers()
{
    if (m_context.isBusy())
        return;
    auto accounts = m_context.workspace().accounts().list();
    if (!accounts.ok())
        return;
    const QString current = m_user->currentText();
    m_user->clear();
    QHash<QString, QString> names;
    for (const accounts::Account &account : accounts.value())
        names.insert(account.idString(), account.userName);
    m_model->setAccountNames(std::move(names));
    for (const accounts::Account &account : accounts.value())
        m_user->addItem(tr("%1 (%2)").arg(account.userName, account.displayName), account.userName);
    const int index = m_user->findData(current.isEmpty() ? m_context.session().userName : current);
    m_user->setCurrentIndex(index >= 0 ? index : 0);
}

void AuditLogPage::search()
{
    if (m_mode->checkedId() == 0) {
        const int index = m_user->findText(m_user->currentText());
        const QString userName =
            index >= 0 ? m_user->itemData(index).toString() : m_user->currentText().trimmed();
        searchByUser(userName, m_from->dateTime(), m_to->dateTime());
    } else {
        searchByData(m_dataId->text().trimmed());
    }
}

void AuditLogPage::showResultCount(int count)
{
    workbench::showMessage(m_message, count == 0 ? workbench::Severity::Info : workbench::Severity::None,
                           count == 0 ? tr("No events match.") : QString());
    m_table->resizeColumnsToContents();
    // Long data IDs and details must not push the other columns out of view.
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 300));
    if (count > 0) {
        // The newest event is the one people look for first.
        m_table->selectRow(count - 1);
        m_table->scrollToBottom();
    } else
        m_detail->clear();
}

void AuditLogPage::searchByUser(const QString &userName, const QDateTime &from, const QDateTime &to)
{
    if (userName.isEmpty()) {
        workbench::showMessage(m_message, workbench::Severity::Error, tr("Choose a user."));
        return;
    }
    if (from.isValid() && to.isValid() && to < from) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The end of the period is before its start."));
        return;
    }
    workspace::AuditQueries queries(m_context.workspace());
    auto rows = queries.byUserName(userName, from.toUTC(), to.toUTC());
    if (!rows.ok()) {
        m_model->clear();
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The search failed: %1").arg(rows.error().message));
        return;
    }
    m_model->setRows(std::move(rows.value()));
    showResultCount(m_model->rowCount());
    m_context.notifyChanged();
}

void AuditLogPage::searchByData(const QString &dataId)
{
    if (dataId.isEmpty()) {
        workbench::showMessage(m_message, workbench::Severity::Error, tr("Enter a data ID."));
        m_dataId->setFocus();
        return;
    }
    workspace::AuditQueries queries(m_context.workspace());
    auto rows = queries.byDataId(dataId);
    if (!rows.ok()) {
        m_model->clear();
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The search failed: %1").arg(rows.error().message));
        return;
    }
    m_model->setRows(std::move(rows.value()));
    showResultCount(m_model->rowCount());
    m_context.notifyChanged();
}

void AuditLogPage::verifyChain()
{
    auto verification = workspace::AuditQueries(m_context.workspace()).verifier();
    if (!verification) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The log cannot be checked: %1").arg(verification.error().message));
        return;
    }
    m_progress->show();
    workbench::showMessage(m_message, workbench::Severity::Info,
                           tr("Re-reading and checking every event of the log…"));
    const bool started = m_context.run<audit::AuditVerifyReport>(
        nullptr, [verify = std::move(verification.value())] { return verify(); },
        [this](audit::AuditVerifyReport &report) {
            m_progress->hide();
            if (report.ok) {
                workbench::showMessage(
                    m_message, workbench::Severity::Success,
                    tr("The chain is intact: %n event(s) verified against the signed checkpoint.", nullptr,
                       int(report.eventCount)));
                return;
            }
            const QString where = report.sequence >= 0 ? tr("at event #%1").arg(report.sequence)
                                                       : tr("in the signed checkpoint");
            workbench::showMessage(
                m_message, workbench::Severity::Error,
                tr("The log was altered: first problem %1 (%2). %3")
                    .arg(where, audit::AuditVerifyReport::issueName(report.issue), report.message));
        });
    if (!started)
        m_progress->hide();
}

void AuditLogPage::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    m_detail->setPlainText(
        current.isValid() ? current.siblingAtColumn(0).data(AuditEventTableModel::EventJsonRole).toString()
                          : QString());
}

} // namespace mdp::audit::ui
