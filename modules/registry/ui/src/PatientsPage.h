#pragma once

#include "PatientPage.h"
#include "mdp/registry/PatientSearch.h"
#include "mdp/workspace/SearchIndexState.h"
#include "mdp/workspace/Workspace.h"

#include <QUuid>
#include <QWidget>
#include <optional>

class QAction;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::registry::ui {

class PatientDuplicatesModel;
class PatientPage;
class PatientSearchController;
class PatientSearchModel;

// The registry from the workstation: one search box across all patients whose
// results follow the typing, the queue of possible duplicates with merge and dismiss, registration of
// new patients, and the patient page. Roles that may not see identity search by pseudonymous ID and
// diagnosis only and never see a name.
//
// Keys: Ctrl+F search, Ctrl+N new patient, Enter (in the search box or the list) opens the selected
// patient, Down moves from the search box into the results, Alt+Left returns from a patient.
class PatientsPage : public QWidget
{
    Q_OBJECT
public:
    // `assigned` names the patients other features put on the user's desk (pseudonymous IDs).
    explicit PatientsPage(workbench::SessionContext &context, QWidget *parent = nullptr,
                          EventPanelFactory eventPanels = {}, AssignedPatients assigned = {});

    // Before anything is typed: the patients assigned to the user, then those they worked on
    // most recently.
    void showDesk();

    const registry::SearchFilter &filter() const { return m_filter; }
    bool mayEdit() const { return m_mayEdit; }

    QLineEdit *searchEdit() const { return m_search; }
    PatientSearchModel *resultsModel() const { return m_results; }
    PatientSearchController *searchController() const { return m_controller; }
    PatientDuplicatesModel *duplicatesModel() const { return m_duplicates; }
    PatientPage *patientPage() const { return m_patientPage; }
    bool isShowingPatient() const;

    void search(const QString &text);
    bool openPatient(const QUuid &patientId);

    // Counts only (R-5.2d): the permission engine lets the user search for counts but open no
    // record. The page then shows how many patients match and offers the request entry.
    bool countsOnly() const { return m_countsOnly; }
    QPushButton *requestAccessButton() const { return m_requestAccess; }
    // The request entry for the scope the refusal named; returns whether a request was recorded.
    bool requestAccess();
    void showList();
    void showDuplicates();
    void refreshDuplicates();
    // Opens the new-patient dialog; the record created (or chosen instead) is opened.
    void newPatient();
    bool dismissDuplicate(qint64 candidateId, const QString &reason);

protected:
    void showEvent(QShowEvent *event) override;

private:
    static QString indexingMessage(const workspace::SearchIndexState &index);
    void showResults(const QString &query, const QList<registry::PatientHit> &hits, qint64 elapsedMs);
    void openSelected();
    void showCandidate();
    void mergeSelectedCandidate();
    void dismissSelectedCandidate();
    QWidget *buildResults();
    QWidget *buildDuplicates();

    workbench::SessionContext &m_context;
    registry::SearchFilter m_filter;
    bool m_mayEdit;
    AssignedPatients m_assigned;
    QStackedWidget *m_pages;
    QStackedWidget *m_lists;
    QButtonGroup *m_mode;
    QPushButton *m_resultsButton = nullptr;
    QPushButton *m_duplicatesButton = nullptr;
    QLineEdit *m_search;
    QLabel *m_resultInfo;
    QLabel *m_message;
    PatientSearchModel *m_results;
    PatientSearchController *m_controller;
    QTableView *m_resultsTable = nullptr;
    PatientDuplicatesModel *m_duplicates;
    QTableView *m_duplicatesTable = nullptr;
    QLabel *m_comparison[2] = {nullptr, nullptr};
    QLabel *m_queued = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_dismiss = nullptr;
    QPushButton *m_openA = nullptr;
    QPushButton *m_openB = nullptr;
    QLabel *m_duplicatesMessage = nullptr;
    PatientPage *m_patientPage;
    QTimer *m_indexRetry; // asks again while the search index is being built
    bool m_countsOnly = false;
    QPushButton *m_requestAccess = nullptr;
    // The last count a counts-only search gave (the controller delivers no hits then).
    std::optional<workspace::Workspace::PatientCount> m_lastCount;
};

} // namespace mdp::registry::ui
