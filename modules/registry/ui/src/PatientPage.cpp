#include "PatientPage.h"

#include "PatientDocumentAudit.h"
#include "PatientEventCommand.h"
#include "PatientEventDialog.h"
#include "PatientEventFieldsModel.h"
#include "PatientHistoryDialog.h"
#include "PatientLineageDialog.h"
#include "PatientMergeDialog.h"
#include "PatientText.h"
#include "PatientTimeline.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/registry/AttachmentInspector.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Vault.h"
#include "mdp/timeline/TimelineView.h"
#include "mdp/viewer/DocumentPanel.h"
#include "mdp/viewer/DocumentViewer.h"
#include "mdp/viewer/MediaTypeSniffer.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMimeDatabase>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mdp::registry::ui {

namespace {

// What the attach worker hands back to the GUI thread.
struct AttachOutcome
{
    bool ok = false;
    QString message;
    QUuid eventId;
    QUuid attachmentId;
};

QPushButton *actionButton(QAction *action, QWidget *parent, bool iconOnly = false, bool accent = false)
{
    auto *button = accent ? workbench::makeAccentButton(action->text(), parent) : new QPushButton(parent);
    if (!accent && !iconOnly)
        button->setText(action->text());
    button->setIcon(action->icon());
    button->setToolTip(action->toolTip());
    button->setEnabled(action->isEnabled());
    button->setVisible(action->isVisible());
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    QObject::connect(action, &QAction::changed, button, [button, action] {
        button->setEnabled(action->isEnabled());
        button->setToolTip(action->toolTip());
        button->setVisible(action->isVisible());
    });
    return button;
}

QString declaredMediaType(const QString &fileName, const QByteArray &bytes)
{
    const viewer::DocumentKind kind = viewer::MediaTypeSniffer::fromFileName(fileName);
    if (kind != viewer::DocumentKind::Unknown)
        return viewer::MediaTypeSniffer::mediaType(kind);
    // An unknown extension: say what the content is, so the inspector can name it in its refusal.
    return QMimeDatabase().mimeTypeForFileNameAndData(fileName, bytes).name();
}

AttachOutcome attachInWorker(workspace::Workspace &workspace, const QString &actor, const QUuid &eventId,
                             QByteArray bytes, const QString &fileName)
{
    AttachOutcome out;
    out.eventId = eventId;
    const QString mediaType = declaredMediaType(fileName, bytes.left(4096));
    if (auto name = registry::AttachmentInspector::checkFileName(fileName); !name) {
        out.message = name.error().message;
        return out;
    }
    if (auto check =
            registry::AttachmentInspector::check(bytes, mediaType, PatientPage::maxAttachmentBytes());
        !check) {
        out.message = check.error().message;
        return out;
    }
    auto blob = workspace.storeFile(bytes);
    bytes.fill('\0');
    if (!blob) {
        out.message = blob.error().message;
        return out;
    }
    auto attached = workspace.registry().attach(actor, eventId, {blob.value(), mediaType, fileName});
    if (!attached) {
        out.message = attached.error().message;
        return out;
    }
    out.ok = true;
    out.attachmentId = attached->id;
    return out;
}

} // namespace

PatientPage::PatientPage(workbench::SessionContext &context, registry::SearchFilter filter, bool mayEdit,
                         QWidget *parent, const EventPanelFactory &eventPanels)
    : QWidget(parent)
    , m_context(context)
    , m_filter(std::move(filter))
    , m_mayEdit(mayEdit)
    , m_audit(std::make_unique<PatientDocumentAudit>(context.workspace()))
    , m_undo(new QUndoStack(this))
    , m_fields(new PatientEventFieldsModel(this))
{
    setObjectName(QStringLiteral("patientPage"));
    buildActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 12, 28, 10);
    layout->setSpacing(8);
    layout->addWidget(buildHeader());
    m_status = workbench::makeMessageLabel(this);
    m_status->setObjectName(QStringLiteral("patientStatus"));
    layout->addWidget(m_status);

    // Timeline card: title, actions, the view.
    auto *timelineCard = workbench::makeCard(this);
    auto *timelineLayout = new QVBoxLayout(timelineCard);
    timelineLayout->setContentsMargins(16, 8, 16, 6);
    timelineLayout->setSpacing(6);
    auto *tools = new QHBoxLayout;
    tools->setSpacing(6);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(workbench::makeLabel(tr("Timeline"), QStringLiteral("sectionTitle"), timelineCard));
    m_eventCount = workbench::makeLabel(QString(), QStringLiteral("eventCount"), timelineCard);
    m_eventCount->setStyleSheet(QStringLiteral("color: #5f6b7a; font-size: 9pt;"));
    m_eventCount->setWordWrap(false);
    titles->addWidget(m_eventCount);
    tools->addLayout(titles);
    tools->addStretch();
    tools->addWidget(actionButton(m_addAction, timelineCard, false, true));
    tools->addWidget(actionButton(m_editAction, timelineCard));
    tools->addWidget(actionButton(m_annotateAction, timelineCard));
    tools->addWidget(actionButton(m_removeAction, timelineCard));
    tools->addWidget(actionButton(m_attachAction, timelineCard));
    tools->addWidget(actionButton(m_historyAction, timelineCard));
    tools->addSpacing(6);
    tools->addWidget(actionButton(m_undoAction, timelineCard, true));
    tools->addWidget(actionButton(m_redoAction, timelineCard, true));
    tools->addWidget(actionButton(m_fitAction, timelineCard));
    timelineLayout->addLayout(tools);
    m_timeline = new timeline::ui::TimelineView(timelineCard);
    m_timeline->setObjectName(QStringLiteral("patientTimeline"));
    m_timeline->setClock(&m_context.workspace().clock());
    // On a short screen the lanes scroll rather than being cut off.
    m_timelineScroll = new QScrollArea(timelineCard);
    m_timelineScroll->setObjectName(QStringLiteral("timelineScroll"));
    m_timelineScroll->setWidget(m_timeline);
    m_timelineScroll->setWidgetResizable(true);
    m_timelineScroll->setFrameShape(QFrame::NoFrame);
    m_timelineScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_timelineScroll->setMinimumHeight(150);
    timelineLayout->addWidget(m_timelineScroll, 1);

    // Detail card: the chosen event's record beside its files.
    auto *detailCard = workbench::makeCard(this);
    auto *detailLayout = new QVBoxLayout(detailCard);
    detailLayout->setContentsMargins(16, 8, 16, 10);
    detailLayout->setSpacing(8);
    m_detailStack = new QStackedWidget(detailCard);
    m_detailStack->setObjectName(QStringLiteral("detailStack"));
    auto *placeholder = workbench::makeLabel(
        tr("Click an event on the timeline (or select it and press Enter) to see its record and files "
           "side by side."),
        QStringLiteral("muted"), m_detailStack);
    placeholder->setAlignment(Qt::AlignCenter);
    m_detailStack->addWidget(placeholder);

    auto *detail = new QWidget(m_detailStack);
    auto *detailInner = new QVBoxLayout(detail);
    detailInner->setContentsMargins(0, 0, 0, 0);
    detailInner->setSpacing(8);
    auto *detailHeading = new QHBoxLayout;
    auto *detailTitles = new QHBoxLayout;
    detailTitles->setSpacing(14);
    m_detailTitle = workbench::makeLabel(QString(), QStringLiteral("detailTitle"), detail);
    m_detailTitle->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600; color: #10263b;"));
    m_detailSubtitle = workbench::makeLabel(QString(), QStringLiteral("detailSubtitle"), detail);
    m_detailSubtitle->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
    m_detailTitle->setWordWrap(false);
    m_detailSubtitle->setWordWrap(false);
    detailTitles->addWidget(m_detailTitle, 0, Qt::AlignBaseline);
    detailTitles->addWidget(m_detailSubtitle, 1, Qt::AlignBaseline);
    detailHeading->addLayout(detailTitles, 1);
    // The event's form records sit on the heading line, so the record and files keep their height.
    if (eventPanels)
        m_eventPanels = eventPanels(detail, m_filter.identityVisible);
    for (workbench::EventPanel *panel : std::as_const(m_eventPanels))
        detailHeading->addWidget(panel);
    detailHeading->addSpacing(8);
    m_files = new QListWidget(detail);
    m_files->setObjectName(QStringLiteral("attachmentList"));
    m_files->setFlow(QListView::LeftToRight);
    m_files->setWrapping(false);
    m_files->setFixedHeight(36);
    m_files->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_files->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_files->setFrameShape(QFrame::NoFrame);
    m_files->setSpacing(3);
    m_files->setStyleSheet(QStringLiteral("QListWidget#attachmentList { background: transparent; }"
                                          "QListWidget#attachmentList::item { border: 1px solid #c5ced8; "
                                          "border-radius: 12px; padding: 2px 10px; "
                                          "background: #ffffff; }"
                                          "QListWidget#attachmentList::item:selected { background: #eaf3fb; "
                                          "border-color: #1d6fb8; color: #10263b; }"));
    detailHeading->addWidget(m_files);
    detailInner->addLayout(detailHeading);
    m_panel = new viewer::ui::DocumentPanel(detail);
    m_panel->setObjectName(QStringLiteral("eventDetailPanel"));
    m_panel->setTableTitle(tr("Structured record"));
    m_panel->setTableModel(m_fields);
    m_panel->tableView()->horizontalHeader()->setSectionResizeMode(PatientEventFieldsModel::FieldColumn,
                                                                   QHeaderView::ResizeToContents);
    m_panel->tableView()->setWordWrap(false);
    m_panel->viewer()->setViewer({m_context.session().displayName, m_context.session().userName});
    m_panel->viewer()->setAudit(m_audit.get());
    m_panel->viewer()->setClock(&m_context.workspace().clock());
    if (!m_filter.identityVisible) {
        // Reports and images carry names; roles without identity access see the record only.
        m_panel->viewer()->parentWidget()->hide();
    }
    detailInner->addWidget(m_panel, 1);
    m_detailStack->addWidget(detail);
    detailLayout->addWidget(m_detailStack, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("patientSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(10);
    m_splitter->addWidget(timelineCard);
    m_splitter->addWidget(detailCard);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);

    connect(m_timeline, &timeline::ui::TimelineView::eventActivated, this,
            [this](const QString &id) { activateEvent(id); });
    connect(m_timeline, &timeline::ui::TimelineView::selectionChanged, this, [this](const QString &id) {
        // Selecting (arrow keys) only moves the choice; the actions follow it, the detail follows Enter.
        if (!id.isEmpty())
            m_selected = QUuid::fromString(id);
        updateActions();
    });
    connect(m_files, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_shownAttachment)
            showAttachment(row);
    });
    connect(m_undo, &QUndoStack::indexChanged, this, &PatientPage::updateActions);
    // Until the user drags the divider, resizing keeps every lane in view.
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_splitPending = false; });
    clearDetail();
    updateActions();
}

PatientPage::~PatientPage()
{
    // The viewer reports to the audit object until it is gone.
    m_panel->viewer()->setAudit(nullptr);
}

qint64 PatientPage::maxAttachmentBytes()
{
    return registry::AttachmentInspector::kDefaultMaxBytes;
}

void PatientPage::buildActions()
{
    auto make = [this](const QString &icon, const QString &text, const QString &name) {
        auto *action = new QAction(icon.isEmpty() ? QIcon() : workbench::Theme::icon(icon), text, this);
        action->setObjectName(name);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_backAction = make(QStringLiteral("chevron-up"), tr("Patients"), QStringLiteral("backAction"));
    m_backAction->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(QKeySequence::Back)});
    m_backAction->setToolTip(tr("Back to the patient list (Alt+Left)"));
    m_addAction = make(QStringLiteral("plus"), tr("Add event…"), QStringLiteral("addEventAction"));
    m_addAction->setIcon(workbench::Theme::icon(QStringLiteral("plus"), Qt::white));
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_addAction->setToolTip(tr("Add an event to the timeline (Ctrl+Shift+N)"));
    m_editAction = make(QString(), tr("Edit…"), QStringLiteral("editEventAction"));
    m_editAction->setToolTip(tr("Edit the selected event"));
    m_annotateAction = make(QString(), tr("Annotate…"), QStringLiteral("annotateEventAction"));
    m_annotateAction->setToolTip(tr("Add a note to the selected event"));
    m_removeAction = make(QStringLiteral("x-circle"), tr("Remove…"), QStringLiteral("removeEventAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setToolTip(tr("Remove the selected event from the timeline; its versions stay (Del)"));
    m_attachAction = make(QStringLiteral("folder"), tr("Attach file…"), QStringLiteral("attachFileAction"));
    m_attachAction->setToolTip(tr("Attach a PDF, PNG, JPEG or DICOM file to the selected event"));
    m_historyAction = make(QStringLiteral("clock"), tr("History…"), QStringLiteral("eventHistoryAction"));
    m_historyAction->setToolTip(tr("Every version of the selected event"));
    m_undoAction = make(QStringLiteral("rotate"), tr("Undo"), QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = make(QStringLiteral("refresh"), tr("Redo"), QStringLiteral("redoAction"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    m_fitAction = make(QString(), tr("Fit"), QStringLiteral("fitTimelineAction"));
    m_fitAction->setToolTip(tr("Show the whole history (0 on the timeline)"));
    m_mergeAction = make(QStringLiteral("accounts"), tr("Merge with…"), QStringLiteral("mergeWithAction"));
    m_mergeAction->setToolTip(
        tr("Merge another record of the same person into this one, or this one into it"));
    m_lineageAction = make(QStringLiteral("clock"), tr("Merge history…"), QStringLiteral("lineageAction"));
    m_lineageAction->setToolTip(tr("Merges of this record; undo a merge"));

    connect(m_backAction, &QAction::triggered, this, &PatientPage::backRequested);
    connect(m_addAction, &QAction::triggered, this, &PatientPage::addEventFromDialog);
    connect(m_editAction, &QAction::triggered, this, &PatientPage::editFromDialog);
    connect(m_annotateAction, &QAction::triggered, this, &PatientPage::annotateFromDialog);
    connect(m_removeAction, &QAction::triggered, this, &PatientPage::removeFromDialog);
    connect(m_attachAction, &QAction::triggered, this, &PatientPage::attachFromDialog);
    connect(m_historyAction, &QAction::triggered, this, &PatientPage::historyFromDialog);
    connect(m_mergeAction, &QAction::triggered, this, &PatientPage::mergeFromDialog);
    connect(m_lineageAction, &QAction::triggered, this, &PatientPage::lineageFromDialog);
    connect(m_undoAction, &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(m_fitAction, &QAction::triggered, this, [this] { m_timeline->zoomToFit(); });
}

QWidget *PatientPage::buildHeader()
{
    auto *card = workbench::makeCard(this);
    card->setObjectName(QStringLiteral("card"));
    auto *layout = new QHBoxLayout(card);
    layout->setContentsMargins(12, 6, 16,
                               6); // the diagnosis has a line of its own: the timeline keeps its height
    layout->setSpacing(12);

    auto *back = new QToolButton(card);
    back->setObjectName(QStringLiteral("backButton"));
    back->setIcon(workbench::Theme::icon(QStringLiteral("chevron-up"), workbench::Theme::accent()));
    back->setText(tr("‹ Patients"));
    back->setToolButtonStyle(Qt::ToolButtonTextOnly);
    back->setToolTip(m_backAction->toolTip());
    back->setCursor(Qt::PointingHandCursor);
    back->setStyleSheet(QStringLiteral("QToolButton { border: none; color: #1d6fb8; font-weight: 600; "
                                       "padding: 4px 8px; } QToolButton:hover { background: #eaf3fb; "
                                       "border-radius: 5px; }"));
    connect(back, &QToolButton::clicked, m_backAction, &QAction::trigger);
    layout->addWidget(back, 0, Qt::AlignTop);

    auto *avatar = new QLabel(card);
    avatar->setPixmap(
        workbench::Theme::icon(QStringLiteral("user"), workbench::Theme::accent()).pixmap(30, 30));
    avatar->setFixedSize(44, 44);
    avatar->setAlignment(Qt::AlignCenter);
    avatar->setStyleSheet(QStringLiteral("background: #eaf3fb; border-radius: 22px;"));
    layout->addWidget(avatar, 0, Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(3);
    auto *names = new QHBoxLayout;
    names->setSpacing(14);
    m_pseudonym = new QLabel(card);
    m_pseudonym->setObjectName(QStringLiteral("patientPseudonym"));
    m_pseudonym->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pseudonym->setStyleSheet(QStringLiteral("font-family: 'Noto Sans Mono CJK SC', monospace; font-size: "
                                              "15pt; font-weight: 600; color: #10263b;"));
    m_name = new QLabel(card);
    m_name->setObjectName(QStringLiteral("patientName"));
    m_name->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600; color: #1f2933;"));
    names->addWidget(m_pseudonym);
    names->addWidget(m_name);
    names->addStretch();
    texts->addLayout(names);
    m_facts = workbench::makeLabel(QString(), QStringLiteral("patientFacts"), card);
    m_facts->setStyleSheet(QStringLiteral("color: #3e4c59;"));
    m_facts->setWordWrap(false);
    m_diagnosis = new QLabel(card);
    m_diagnosis->setObjectName(QStringLiteral("patientDiagnosis"));
    m_diagnosis->setWordWrap(true);
    m_diagnosis->setTextFormat(Qt::RichText);
    // The diagnosis has its own line: beside the facts it was squeezed into a narrow column.
    texts->addWidget(m_facts);
    texts->addWidget(m_diagnosis);
    auto *banner = new QHBoxLayout;
    m_mergedBanner = workbench::makeMessageLabel(card);
    m_mergedBanner->setObjectName(QStringLiteral("mergedBanner"));
    banner->addWidget(m_mergedBanner, 1);
    m_openSurvivor = new QPushButton(tr("Open the kept record"), card);
    m_openSurvivor->setObjectName(QStringLiteral("openSurvivorButton"));
    m_openSurvivor->hide();
    connect(m_openSurvivor, &QPushButton::clicked, this, [this] {
        if (m_patient && m_patient->isMerged())
            Q_EMIT openPatientRequested(m_patient->mergedInto);
    });
    banner->addWidget(m_openSurvivor);
    texts->addLayout(banner);
    layout->addLayout(texts, 1);

    auto *side = new QHBoxLayout;
    side->setSpacing(6);
    side->addWidget(actionButton(m_mergeAction, card));
    side->addWidget(actionButton(m_lineageAction, card));
    layout->addLayout(side);
    layout->setAlignment(side, Qt::AlignTop);
    return card;
}

void PatientPage::showStatus(int severity, const QString &text)
{
    workbench::showMessage(m_status, workbench::Severity(severity), text);
}

QHash<QString, QString> PatientPage::userNames()
{
    if (m_userNames.isEmpty()) {
        if (auto accounts = m_context.workspace().accounts().list()) {
            for (const accounts::Account &account : accounts.value())
                m_userNames.insert(account.idString(), account.userName);
        }
    }
    return m_userNames;
}

bool PatientPage::openPatient(const QUuid &patientId)
{
    if (m_context.isBusy())
        return false;
    auto patient = m_context.workspace().registry().patient(m_context.session().accountId, patientId);
    if (!patient) {
        showStatus(int(workbench::Severity::Error), patient.error().message);
        return false;
    }
    const bool samePatient = m_patient && m_patient->id == patientId;
    m_patient = patient.value();
    m_audit->setPatient(m_patient->pseudonymId);
    if (!samePatient) {
        m_undo->clear();
        m_selected = {};
        clearDetail();
        showStatus(int(workbench::Severity::None), {});
    }
    showHeader();
    loadEvents();
    if (!samePatient) {
        m_timeline->zoomToFit();
        // Every lane in view at first; the record and its files take the rest (once the splitter
        // has its real height).
        m_splitPending = true;
        applyInitialSplit();
    }
    updateActions();
    return true;
}

void PatientPage::applyInitialSplit()
{
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (!m_splitPending || !isVisible() || total <= 0)
        return;
    QSet<int> lanes;
    for (const timeline::TimelineItem &item : PatientTimeline::items(m_events))
        lanes.insert(int(item.type));
    const int rows = int(std::max<qsizetype>(1, lanes.size()));
    // The card's own chrome (title row, margins) as laid out now, around the scrolling lanes.
    const int chrome = m_splitter->widget(0)->height() - m_timelineScroll->viewport()->height();
    const int wanted =
        std::max(m_timeline->minimumSizeHint().height(), 60 + 30 * rows + 8) + (chrome > 0 ? chrome : 64);
    m_splitter->blockSignals(true);
    m_splitter->setSizes({std::min(wanted, total - 240), std::max(total - wanted, 240)});
    m_splitter->blockSignals(false);
}

void PatientPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    applyInitialSplit();
}

void PatientPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyInitialSplit();
}

void PatientPage::reload()
{
    if (m_patient)
        openPatient(m_patient->id);
}

void PatientPage::showHeader()
{
    const registry::Patient &p = *m_patient;
    const QDate today = m_context.workspace().clock().now().toLocalTime().date();
    m_pseudonym->setText(p.pseudonymId);
    m_name->setText(m_filter.identityVisible ? p.name.display() : QString());
    m_name->setVisible(m_filter.identityVisible);
    QStringList facts{PatientText::sexName(p.sex)};
    if (const QString age = PatientText::ageText(p.birthDate, today); !age.isEmpty())
        facts << age;
    if (m_filter.identityVisible) {
        facts << tr("born %1").arg(p.birthDate.toString(Qt::ISODate));
        for (const registry::PatientIdentifier &id : p.identifiers)
            facts << PatientText::identifierTypeName(id.type) + QLatin1Char(' ') + id.masked();
    } else {
        facts << tr("identity hidden for your role");
    }
    m_facts->setText(facts.join(QStringLiteral("  ·  ")));
    if (p.isMerged()) {
        workbench::showMessage(m_mergedBanner, workbench::Severity::Warning,
                               tr("This record was merged into another one; its events are shown there."));
        m_openSurvivor->show();
    } else {
        workbench::showMessage(m_mergedBanner, workbench::Severity::None, {});
        m_openSurvivor->hide();
    }
}

void PatientPage::loadEvents()
{
    auto events = m_context.workspace().registry().events(m_context.session().accountId, m_patient->id);
    if (!events) {
        showStatus(int(workbench::Severity::Error), events.error().message);
        m_events.clear();
    } else {
        m_events = events.value();
    }
    const QString diagnosis = PatientTimeline::diagnosisSummary(m_events);
    m_diagnosis->setText(diagnosis.isEmpty()
                             ? QStringLiteral("<span style=\"color:#5f6b7a\">%1</span>")
                                   .arg(tr("No diagnosis recorded yet").toHtmlEscaped())
                             : QStringLiteral("<span style=\"color:#5f6b7a\">%1</span> "
                                              "<span style=\"color:#10263b; font-weight:600\">%2</span>")
                                   .arg(tr("Diagnosis:").toHtmlEscaped(), diagnosis.toHtmlEscaped()));
    int files = 0;
    for (const registry::TimelineEvent &e : std::as_const(m_events))
        files += int(e.attachments.size());
    m_eventCount->setText(tr("%n event(s)", nullptr, int(m_events.size())) + QStringLiteral(" · ") +
                          tr("%n file(s)", nullptr, files));
    const QString keep = selectedEventId();
    m_timeline->setItems(PatientTimeline::items(m_events));
    if (!keep.isEmpty() && eventById(m_selected))
        m_timeline->setSelectedId(keep);
    // The detail follows the event it showed, with its new version, or closes if it is gone.
    if (!m_selected.isNull()) {
        if (eventById(m_selected) && m_detailStack->currentIndex() == 1)
            activateEvent(selectedEventId());
        else if (!eventById(m_selected)) {
            m_selected = {};
            clearDetail();
        }
    }
}

const registry::TimelineEvent *PatientPage::eventById(const QUuid &id) const
{
    for (const registry::TimelineEvent &e : m_events) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

void PatientPage::clearDetail()
{
    m_fields->clear();
    for (workbench::EventPanel *panel : std::as_const(m_eventPanels))
        panel->clear();
    m_files->clear();
    m_shownAttachment = -1;
    m_panel->viewer()->clear();
    m_detailStack->setCurrentIndex(0);
}

bool PatientPage::activateEvent(const QString &eventId)
{
    const QUuid id = QUuid::fromString(eventId);
    const registry::TimelineEvent *event = eventById(id);
    if (!event)
        return false;
    const bool sameEvent = m_selected == id && m_detailStack->currentIndex() == 1;
    const int keepAttachment = sameEvent ? m_shownAttachment : 0;
    m_selected = id;
    if (m_timeline->selectedId() != eventId)
        m_timeline->setSelectedId(eventId);
    m_fields->setEvent(*event);
    m_panel->tableView()->resizeColumnToContents(PatientEventFieldsModel::FieldColumn);
    m_detailTitle->setText(event->content.title);
    m_detailSubtitle->setText(
        PatientText::eventTypeName(event->content.type) + QStringLiteral("  ·  ") +
        PatientEventFieldsModel::periodText(event->content.start, event->content.end) +
        (event->attachments.isEmpty()
             ? QString()
             : QStringLiteral("  ·  ") + tr("%n file(s)", nullptr, int(event->attachments.size()))));
    m_panel->setTableCaption(event->content.annotation.isEmpty()
                                 ? QString()
                                 : tr("Note: %1").arg(event->content.annotation.left(160)));
    m_files->blockSignals(true);
    m_files->clear();
    for (const registry::Attachment &a : event->attachments) {
        const viewer::DocumentKind kind = viewer::MediaTypeSniffer::fromMediaType(a.mediaType);
        auto *item = new QListWidgetItem(
            m_filter.identityVisible ? a.fileName : viewer::MediaTypeSniffer::displayName(kind), m_files);
        item->setToolTip(viewer::MediaTypeSniffer::displayName(kind));
    }
    m_files->blockSignals(false);
    int chipsWidth = 8;
    for (int i = 0; i < m_files->count(); ++i)
        chipsWidth += m_files->fontMetrics().horizontalAdvance(m_files->item(i)->text()) + 2 * 12 + 2 + 2 * 4;
    m_files->setFixedWidth(std::min(chipsWidth, 640));
    m_files->setVisible(event->attachments.size() > 1);
    m_detailStack->setCurrentIndex(1);
    for (workbench::EventPanel *panel : std::as_const(m_eventPanels))
        panel->setEvent(*m_patient, *event, m_mayEdit);
    m_shownAttachment = -1;
    if (event->attachments.isEmpty() || !m_filter.identityVisible) {
        m_panel->viewer()->clear();
        if (!m_filter.identityVisible && !event->attachments.isEmpty())
            m_panel->setTableCaption(tr("%n file(s) attached; files are not shown to your role.", nullptr,
                                        int(event->attachments.size())));
    } else {
        showAttachment(std::clamp(keepAttachment, 0, int(event->attachments.size()) - 1));
    }
    updateActions();
    return true;
}

bool PatientPage::showAttachment(int index)
{
    const registry::TimelineEvent *event = eventById(m_selected);
    if (!event || index < 0 || index >= event->attachments.size() || !m_filter.identityVisible)
        return false;
    if (m_context.isBusy())
        return false;
    const registry::Attachment &a = event->attachments.at(index);
    m_shownAttachment = index;
    m_files->blockSignals(true);
    m_files->setCurrentRow(index);
    m_files->blockSignals(false);
    // Decrypted into memory only; the viewer renders from these bytes and the audit records the view.
    auto bytes = m_context.workspace().readFile(a.blobId);
    if (!bytes) {
        m_panel->viewer()->clear();
        showStatus(int(workbench::Severity::Error),
                   tr("The file could not be read from the vault: %1").arg(bytes.error().message));
        return false;
    }
    auto shown = m_panel->viewer()->showDocument({a.idString(), bytes.value(), a.mediaType, a.fileName});
    bytes->fill('\0');
    return shown.ok();
}

void PatientPage::updateActions()
{
    const bool open = m_patient.has_value();
    const bool editable = open && m_mayEdit && !m_patient->isMerged();
    const bool selected = editable && eventById(m_selected) != nullptr;
    m_addAction->setEnabled(editable);
    m_editAction->setEnabled(selected);
    m_annotateAction->setEnabled(selected);
    m_removeAction->setEnabled(selected);
    m_attachAction->setEnabled(selected);
    m_historyAction->setEnabled(open && eventById(m_selected) != nullptr);
    m_mergeAction->setEnabled(editable);
    m_lineageAction->setEnabled(open && m_mayEdit);
    m_undoAction->setEnabled(m_mayEdit && m_undo->canUndo());
    m_undoAction->setToolTip(m_undo->canUndo() ? tr("Undo: %1 (Ctrl+Z)").arg(m_undo->undoText())
                                               : tr("Nothing to undo (Ctrl+Z)"));
    m_redoAction->setEnabled(m_mayEdit && m_undo->canRedo());
    m_redoAction->setToolTip(m_undo->canRedo() ? tr("Redo: %1 (Ctrl+Shift+Z)").arg(m_undo->redoText())
                                               : tr("Nothing to redo (Ctrl+Shift+Z)"));
    for (QAction *a : {m_addAction, m_editAction, m_annotateAction, m_removeAction, m_attachAction,
                       m_mergeAction, m_lineageAction, m_undoAction, m_redoAction}) {
        if (a->isVisible() != m_mayEdit)
            a->setVisible(m_mayEdit);
    }
}

void PatientPage::pushChange(const registry::TimelineEvent &after, int before, const QString &text)
{
    auto *command = new PatientEventCommand(
        m_context.workspace().registry(), m_context.session().accountId, after.id, before, after.version,
        text, [this](const QUuid &, const Result<void> &result) {
            if (!result)
                showStatus(int(workbench::Severity::Error),
                           tr("The change could not be undone: %1").arg(result.error().message));
            else
                showStatus(int(workbench::Severity::None), {});
            reload();
            m_context.notifyChanged();
        });
    m_undo->push(command);
}

Result<registry::TimelineEvent> PatientPage::addEvent(const registry::EventDraft &draft)
{
    if (!m_patient)
        return makeError(Error::Code::InvalidArgument, tr("No patient is open."));
    auto added =
        m_context.workspace().registry().addEvent(m_context.session().accountId, m_patient->id, draft);
    if (!added)
        return added;
    pushChange(added.value(), 0, tr("add \"%1\"").arg(draft.title));
    m_selected = added->id;
    reload();
    activateEvent(added->idString());
    m_context.notifyChanged();
    return added;
}

Result<registry::TimelineEvent>
PatientPage::editEvent(const QUuid &eventId, const registry::EventDraft &draft, const QString &reason)
{
    const registry::TimelineEvent *event = eventById(eventId);
    if (!event)
        return makeError(Error::Code::NotFound, tr("The event is not on this timeline."));
    const int before = event->version;
    auto updated = m_context.workspace().registry().updateEvent(m_context.session().accountId, eventId, draft,
                                                                before, reason);
    if (!updated)
        return updated;
    pushChange(updated.value(), before, tr("edit \"%1\"").arg(draft.title));
    reload();
    m_context.notifyChanged();
    return updated;
}

Result<registry::TimelineEvent> PatientPage::annotateEvent(const QUuid &eventId, const QString &annotation)
{
    const registry::TimelineEvent *event = eventById(eventId);
    if (!event)
        return makeError(Error::Code::NotFound, tr("The event is not on this timeline."));
    const int before = event->version;
    const QString title = event->content.title;
    auto annotated = m_context.workspace().registry().annotateEvent(m_context.session().accountId, eventId,
                                                                    annotation, before);
    if (!annotated)
        return annotated;
    pushChange(annotated.value(), before, tr("annotate \"%1\"").arg(title));
    reload();
    m_context.notifyChanged();
    return annotated;
}

Result<registry::TimelineEvent> PatientPage::removeEvent(const QUuid &eventId, const QString &reason)
{
    const registry::TimelineEvent *event = eventById(eventId);
    if (!event)
        return makeError(Error::Code::NotFound, tr("The event is not on this timeline."));
    const int before = event->version;
    const QString title = event->content.title;
    auto removed =
        m_context.workspace().registry().removeEvent(m_context.session().accountId, eventId, reason);
    if (!removed)
        return removed;
    pushChange(removed.value(), before, tr("remove \"%1\"").arg(title));
    reload();
    showStatus(int(workbench::Severity::Info),
               tr("\"%1\" was removed from the timeline. Undo (Ctrl+Z) brings it back.").arg(title));
    m_context.notifyChanged();
    return removed;
}

Result<registry::TimelineEvent> PatientPage::restoreVersion(const QUuid &eventId, int version)
{
    auto history = m_context.workspace().registry().eventHistory(eventId);
    if (!history)
        return history.error();
    const int before = history->isEmpty() ? 0 : history->last().version;
    auto restored = m_context.workspace().registry().revertEvent(
        m_context.session().accountId, eventId, version, tr("Restored version %1").arg(version));
    if (!restored)
        return restored;
    pushChange(restored.value(), before, tr("restore version %1").arg(version));
    reload();
    m_context.notifyChanged();
    return restored;
}

void PatientPage::addEventFromDialog()
{
    if (!m_addAction->isEnabled())
        return;
    PatientEventDialog dialog(
        PatientEventDialog::Mode::Add,
        [this](const registry::EventDraft &draft, const QString &) -> Result<void> {
            auto r = addEvent(draft);
            return r ? Result<void>() : Result<void>(r.error());
        },
        this);
    registry::EventDraft initial;
    if (const registry::TimelineEvent *event = eventById(m_selected))
        initial.type = event->content.type;
    initial.start = registry::EventTime::fromDate(m_context.workspace().clock().now().toLocalTime().date());
    dialog.setDraft(initial);
    dialog.exec();
}

void PatientPage::editFromDialog()
{
    const registry::TimelineEvent *event = eventById(m_selected);
    if (!event || !m_editAction->isEnabled())
        return;
    const QUuid id = event->id;
    PatientEventDialog dialog(
        PatientEventDialog::Mode::Edit,
        [this, id](const registry::EventDraft &draft, const QString &reason) -> Result<void> {
            auto r = editEvent(id, draft, reason);
            return r ? Result<void>() : Result<void>(r.error());
        },
        this);
    dialog.setDraft(event->content);
    dialog.exec();
}

void PatientPage::annotateFromDialog()
{
    const registry::TimelineEvent *event = eventById(m_selected);
    if (!event || !m_annotateAction->isEnabled())
        return;
    const QUuid id = event->id;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Annotate event"),
                                                        tr("Note for \"%1\":").arg(event->content.title),
                                                        event->content.annotation, &ok);
    if (!ok)
        return;
    if (auto r = annotateEvent(id, text); !r)
        showStatus(int(workbench::Severity::Error), r.error().message);
}

void PatientPage::removeFromDialog()
{
    const registry::TimelineEvent *event = eventById(m_selected);
    if (!event || !m_removeAction->isEnabled())
        return;
    const QUuid id = event->id;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Remove event"),
        tr("Why is \"%1\" removed? Its versions stay in the history.").arg(event->content.title),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (auto r = removeEvent(id, reason); !r)
        showStatus(int(workbench::Severity::Error), r.error().message);
}

void PatientPage::historyFromDialog()
{
    const registry::TimelineEvent *event = eventById(m_selected);
    if (!event)
        return;
    const QUuid id = event->id;
    auto history = m_context.workspace().registry().eventHistory(id);
    if (!history) {
        showStatus(int(workbench::Severity::Error), history.error().message);
        return;
    }
    PatientHistoryDialog::Restore restore;
    if (m_mayEdit && m_patient && !m_patient->isMerged()) {
        restore = [this, id](int version) {
            auto r = restoreVersion(id, version);
            if (!r)
                showStatus(int(workbench::Severity::Error), r.error().message);
            return r.ok();
        };
    }
    PatientHistoryDialog dialog(history.value(), userNames(), restore, this);
    dialog.exec();
}

void PatientPage::attachFromDialog()
{
    if (!m_attachAction->isEnabled())
        return;
    // Qt's own dialog: the platform dialog could offer previews that write thumbnails to disk.
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Attach a file"), QString(),
        tr("Documents and images (*.pdf *.png *.jpg *.jpeg *.dcm);;All files (*)"), nullptr,
        QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        attachFile(path);
}

bool PatientPage::attachFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.size() > maxAttachmentBytes()) {
        showStatus(int(workbench::Severity::Error), tr("The file is too large (%1 MiB; the limit is %2 MiB).")
                                                        .arg(info.size() >> 20)
                                                        .arg(maxAttachmentBytes() >> 20));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showStatus(int(workbench::Severity::Error),
                   tr("The file could not be opened: %1").arg(file.errorString()));
        return false;
    }
    // Read straight into memory: the only copy that ever reaches the disk is the vault's encrypted one.
    QByteArray bytes = file.read(maxAttachmentBytes() + 1);
    return attachBytes(m_selected, std::move(bytes), info.fileName());
}

bool PatientPage::attachBytes(const QUuid &eventId, QByteArray bytes, const QString &fileName)
{
    if (!eventById(eventId) || !m_mayEdit) {
        showStatus(int(workbench::Severity::Error), tr("Choose an event on the timeline first."));
        return false;
    }
    workspace::Workspace *workspace = &m_context.workspace();
    const QString actor = m_context.session().accountId;
    showStatus(int(workbench::Severity::Info), tr("Checking and encrypting \"%1\"…").arg(fileName));
    const bool started = m_context.run<AttachOutcome>(
        this,
        [workspace, actor, eventId, bytes = std::move(bytes), fileName]() mutable {
            return attachInWorker(*workspace, actor, eventId, std::move(bytes), fileName);
        },
        [this, fileName](AttachOutcome &outcome) {
            if (!outcome.ok) {
                showStatus(int(workbench::Severity::Error),
                           tr("\"%1\" was not attached: %2").arg(fileName, outcome.message));
                Q_EMIT attachFinished(false, outcome.message);
                return;
            }
            showStatus(int(workbench::Severity::Success),
                       tr("\"%1\" was attached and stored encrypted.").arg(fileName));
            reload();
            if (const registry::TimelineEvent *event = eventById(outcome.eventId)) {
                activateEvent(outcome.eventId.toString(QUuid::WithoutBraces));
                for (int i = 0; i < event->attachments.size(); ++i) {
                    if (event->attachments.at(i).id == outcome.attachmentId)
                        showAttachment(i);
                }
            }
            Q_EMIT attachFinished(true, QString());
        });
    if (!started)
        showStatus(int(workbench::Severity::Warning),
                   tr("Another task is running; try again when it has finished."));
    return started;
}

void PatientPage::mergeFromDialog()
{
    if (!m_patient || !m_mergeAction->isEnabled())
        return;
    PatientMergeDialog dialog(m_context.workspace().registry(), m_context.workspace().patientSearch(),
                              m_filter, m_context.session().accountId, this);
    dialog.setCurrent(m_patient->id);
    if (dialog.exec() != QDialog::Accepted || !dialog.record())
        return;
    const registry::MergeRecord record = *dialog.record();
    reload();
    showStatus(int(workbench::Severity::Success),
               tr("%1 was merged into %2. Undo it from the merge history if this was a mistake.")
                   .arg(record.mergedPseudonym, record.survivorPseudonym));
    Q_EMIT registryChanged();
    m_context.notifyChanged();
}

void PatientPage::lineageFromDialog()
{
    if (!m_patient)
        return;
    PatientLineageDialog dialog(m_context.workspace().registry(), m_context.session().accountId,
                                m_patient->id, userNames(), this);
    dialog.exec();
    if (dialog.undone()) {
        reload();
        showStatus(int(workbench::Severity::Success),
                   tr("The merge was undone: %1 and %2 are separate records again.")
                       .arg(dialog.undone()->survivorPseudonym, dialog.undone()->mergedPseudonym));
        Q_EMIT registryChanged();
        m_context.notifyChanged();
    }
}

} // namespace mdp::registry::ui
