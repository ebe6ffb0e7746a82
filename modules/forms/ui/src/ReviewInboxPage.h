#pragma once

#include "ReviewTaskModel.h"
#include "mdp/forms/FormDefinition.h"
#include "mdp/forms/FormRecord.h"
#include "mdp/foundation/Error.h"

#include <QSet>
#include <QUuid>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::forms::ui {
class FormView;
class RecordDiffView;
} // namespace mdp::forms::ui

namespace mdp::forms::ui {

// The reviewer inbox (R-6.2.4a-e). A table of the open review tasks of the signed-in reviewer
// (data managers may switch to every open task), with filters and sorting and unread / overdue
// counts; below it the selected record, read-only, with what changed against the formal version in
// force and against the previous submission; and the decisions: approve (optional comment) and
// reject (reason required). A decision that lost a race with another reviewer is reported as such
// and the inbox is reloaded.
//
// Keys: J / Down next task, K / Up previous, Enter opens the submitted record, A approves,
// R rejects, F filters; data managers also reassign and escalate overdue tasks.
class ReviewInboxPage : public QWidget
{
    Q_OBJECT
public:
    enum class Scope
    {
        Mine, // FormStore::inbox of the signed-in account
        All,  // FormStore::openTasks (data managers)
    };

    explicit ReviewInboxPage(workbench::SessionContext &context, QWidget *parent = nullptr);

    bool managesReviews() const { return m_manager; }
    Scope scope() const { return m_scope; }
    void setScope(Scope scope);

    // Re-reads the tasks, keeping the selected task when it is still open.
    void refresh();
    bool selectRecord(const QUuid &recordId);
    void moveSelection(int delta);
    // Enter: the submitted record, with focus on it.
    void openCurrent();
    // A and R: ask for the decision (dialog) and write it. False when nothing was written.
    bool approveCurrent();
    bool rejectCurrent();
    bool reassignCurrent();
    bool escalateOverdue();
    void focusFilter();

    const ReviewRow *currentRow() const;
    const std::optional<forms::FormRecord> &currentRecord() const { return m_record; }
    ReviewTaskModel *taskModel() const { return m_model; }
    ReviewTaskFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    forms::ui::RecordDiffView *formalDiff() const { return m_formalDiff; }
    forms::ui::RecordDiffView *submissionDiff() const { return m_submissionDiff; }
    QTabWidget *detailTabs() const { return m_tabs; }
    QWidget *recordView() const { return m_recordView; }
    forms::ui::FormView *formView() const { return m_formView; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *countsLabel() const { return m_counts; }
    int openCount() const { return int(m_model->rows().size()); }
    int unreadCount() const;
    int overdueCount() const;

Q_SIGNALS:
    // Notices about a task were marked read because the reviewer opened it; the bell re-reads.
    void noticesRead();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildFilters();
    QWidget *buildDetail();
    void loadDetail();
    void clearDetail(const QString &message);
    void fillRecordTable(const forms::FormDefinition &definition, const forms::FormRecord &record);
    void updateCounts();
    void updateFilterChoices();
    void updateActions();
    void markTaskNoticesRead(const QUuid &recordId);
    enum class Action
    {
        Approve,
        Reject,
        Reassign,
    };
    // A failed decision: the words for the reviewer, then a reload when the inbox is stale.
    void reportFailure(Action action, const Error &error);
    QString subjectText() const;

    workbench::SessionContext &m_context;
    bool m_manager = false;
    Scope m_scope = Scope::Mine;
    ReviewTaskModel *m_model;
    ReviewTaskFilterModel *m_filter;
    QLabel *m_message;
    QLabel *m_counts;
    QLineEdit *m_search = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_form = nullptr;
    QCheckBox *m_overdueOnly = nullptr;
    QPushButton *m_mineButton = nullptr;
    QPushButton *m_allButton = nullptr;
    QPushButton *m_escalate = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailFacts = nullptr;
    QLabel *m_detailNote = nullptr;
    QLabel *m_detailEmpty = nullptr;
    QWidget *m_detailBody = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_reassign = nullptr;
    QTabWidget *m_tabs = nullptr;
    forms::ui::RecordDiffView *m_formalDiff = nullptr;
    forms::ui::RecordDiffView *m_submissionDiff = nullptr;
    QWidget *m_recordView = nullptr;
    forms::ui::FormView *m_formView = nullptr; // the record as its form shows it
    QTableWidget *m_recordTable = nullptr;     // without the forms UI: label and value per field

    std::optional<forms::FormRecord> m_record;
    std::optional<forms::FormDefinition> m_definition;
    QUuid m_shownRecord;
    QSet<QUuid> m_unreadRecords;
    bool m_refreshing = false;
};

} // namespace mdp::forms::ui
