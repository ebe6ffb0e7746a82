#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/registry/MergeRecord.h"
#include "mdp/registry/Patient.h"
#include "mdp/registry/PatientSearch.h"
#include "mdp/registry/TimelineEvent.h"
#include "mdp/workbench/EventPanel.h"

#include <QHash>
#include <QList>
#include <QUuid>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QUndoStack;

namespace mdp::timeline::ui {
class TimelineView;
}
namespace mdp::viewer::ui {
class DocumentPanel;
}

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::registry::ui {

class PatientDocumentAudit;
class PatientEventFieldsModel;

// Builds the event panels other features contribute to the patient page.
using EventPanelFactory =
    std::function<QList<workbench::EventPanel *>(QWidget *parent, bool identityVisible)>;
// The pseudonymous IDs of the patients other features assigned to the user (open review tasks).
using AssignedPatients = std::function<QStringList()>;

// One patient (R-6.1.2, R-6.4.2-4): a header with the pseudonymous ID (and, for roles that may see
// identity, the name), the lifecycle timeline, and for the chosen event its structured record beside
// its files in the protected viewer. Events are added, edited, annotated and removed with undo
// (Ctrl+Z); every change is a new version with a history. Files are read into memory, checked,
// stored in the encrypted vault and linked to the event; every preview is audited.
class PatientPage : public QWidget
{
    Q_OBJECT
public:
    PatientPage(workbench::SessionContext &context, registry::SearchFilter filter, bool mayEdit,
                QWidget *parent = nullptr, const EventPanelFactory &eventPanels = {});
    ~PatientPage() override;

    bool openPatient(const QUuid &patientId);
    void reload();
    QUuid patientId() const { return m_patient ? m_patient->id : QUuid(); }
    QString pseudonymId() const { return m_patient ? m_patient->pseudonymId : QString(); }
    const std::optional<registry::Patient> &patient() const { return m_patient; }
    const QList<registry::TimelineEvent> &events() const { return m_events; }

    timeline::ui::TimelineView *timelineView() const { return m_timeline; }
    viewer::ui::DocumentPanel *detailPanel() const { return m_panel; }
    PatientEventFieldsModel *fieldsModel() const { return m_fields; }
    // The form records of the selected event (R-6.2.1d, R-6.2.2a).
    // Contributed by other features (the forms strip): told which event is selected.
    const QList<workbench::EventPanel *> &eventPanels() const { return m_eventPanels; }
    template<typename T> T *eventPanel() const
    {
        for (workbench::EventPanel *panel : m_eventPanels) {
            if (auto *typed = qobject_cast<T *>(panel))
                return typed;
        }
        return nullptr;
    }
    QUndoStack *undoStack() const { return m_undo; }
    QString selectedEventId() const
    {
        return m_selected.isNull() ? QString() : m_selected.toString(QUuid::WithoutBraces);
    }

    // Shows an event's record and its first file (what a click on the timeline does).
    bool activateEvent(const QString &eventId);
    // Shows the event's file at `index` in the viewer.
    bool showAttachment(int index);

    // What the dialogs submit. Each change goes on the undo stack.
    Result<registry::TimelineEvent> addEvent(const registry::EventDraft &draft);
    Result<registry::TimelineEvent> editEvent(const QUuid &eventId, const registry::EventDraft &draft,
                                              const QString &reason);
    Result<registry::TimelineEvent> annotateEvent(const QUuid &eventId, const QString &annotation);
    Result<registry::TimelineEvent> removeEvent(const QUuid &eventId, const QString &reason);
    Result<registry::TimelineEvent> restoreVersion(const QUuid &eventId, int version);

    // Attaches a file to the selected event: read into memory, checked (type, content, size), put
    // into the vault and linked, on a worker. False when it could not start (nothing selected, a job
    // running); attachFinished() reports the outcome.
    bool attachFile(const QString &path);
    bool attachBytes(const QUuid &eventId, QByteArray bytes, const QString &fileName);
    static qint64 maxAttachmentBytes();

    QAction *addEventAction() const { return m_addAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *annotateAction() const { return m_annotateAction; }
    QAction *removeAction() const { return m_removeAction; }
    QAction *historyAction() const { return m_historyAction; }
    QAction *attachAction() const { return m_attachAction; }
    QAction *mergeAction() const { return m_mergeAction; }
    QAction *lineageAction() const { return m_lineageAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *backAction() const { return m_backAction; }

Q_SIGNALS:
    void backRequested();
    // The registry changed in a way the patients list shows (merge, unmerge).
    void registryChanged();
    void openPatientRequested(const QUuid &patientId);
    void attachFinished(bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyInitialSplit();
    void buildActions();
    QWidget *buildHeader();
    void showHeader();
    void loadEvents();
    void clearDetail();
    void updateActions();
    void showStatus(int severity, const QString &text);
    void pushChange(const registry::TimelineEvent &after, int before, const QString &text);
    QHash<QString, QString> userNames();
    const registry::TimelineEvent *eventById(const QUuid &id) const;

    void addEventFromDialog();
    void editFromDialog();
    void annotateFromDialog();
    void removeFromDialog();
    void historyFromDialog();
    void attachFromDialog();
    void mergeFromDialog();
    void lineageFromDialog();

    workbench::SessionContext &m_context;
    registry::SearchFilter m_filter;
    bool m_mayEdit;
    std::unique_ptr<PatientDocumentAudit> m_audit;
    std::optional<registry::Patient> m_patient;
    QList<registry::TimelineEvent> m_events;
    QUuid m_selected;
    int m_shownAttachment = -1;
    bool m_splitPending = false; // the divider follows the lanes until the user moves it

    QUndoStack *m_undo;
    PatientEventFieldsModel *m_fields;
    QLabel *m_pseudonym = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_diagnosis = nullptr;
    QLabel *m_mergedBanner = nullptr;
    QPushButton *m_openSurvivor = nullptr;
    QLabel *m_status = nullptr;
    timeline::ui::TimelineView *m_timeline = nullptr;
    QLabel *m_eventCount = nullptr;
    QSplitter *m_splitter = nullptr;
    QScrollArea *m_timelineScroll = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailSubtitle = nullptr;
    QListWidget *m_files = nullptr;
    QList<workbench::EventPanel *> m_eventPanels;
    viewer::ui::DocumentPanel *m_panel = nullptr;
    QHash<QString, QString> m_userNames;

    QAction *m_backAction = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_annotateAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_mergeAction = nullptr;
    QAction *m_lineageAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_fitAction = nullptr;
};

} // namespace mdp::registry::ui
