#include "PatientsPage.h"

#include "mdp/access/ui/AccessRequestDialog.h"
#include "mdp/workspace/SiteAccess.h"

#include "mdp/registry/ui/PatientAccess.h"

#include "NewPatientDialog.h"
#include "PatientDuplicatesModel.h"
#include "PatientMergeDialog.h"
#include "PatientPage.h"
#include "PatientSearchController.h"
#include "PatientSearchModel.h"
#include "PatientText.h"
#include "PatientTimeline.h"
#include "mdp/registry/Registry.h"
#include "mdp/timeline/TimelineView.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Watermark.h"
#include "mdp/workbench/Widgets.h"

#include <QAction>
#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mdp::registry::ui {

namespace {

void styleTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setItemDelegate(new workbench::PaddedItemDelegate(table));
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(34);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

// Enter in the search box or the results table opens the patient; Down leaves the box for the list.
class KeyForwarder : public QObject
{
public:
    KeyForwarder(QObject *parent, std::function<bool(QKeyEvent *)> handler)
        : QObject(parent)
        , m_handler(std::move(handler))
    {}
    bool eventFilter(QObject *, QEvent *event) override
    {
        return event->type() == QEvent::KeyPress && m_handler(static_cast<QKeyEvent *>(event));
    }

private:
    std::function<bool(QKeyEvent *)> m_handler;
};

} // namespace

QString PatientsPage::indexingMessage(const workspace::SearchIndexState &index)
{
    if (index.total <= 0)
        return tr("Patients are being indexed for search; the results appear when this is done.");
    return tr("Patients are being indexed for search: %L1 of %L2 (%3%). The results appear when this is "
              "done.")
        .arg(index.indexed)
        .arg(index.total)
        .arg(int(index.indexed * 100 / index.total));
}

PatientsPage::PatientsPage(workbench::SessionContext &context, QWidget *parent, EventPanelFactory eventPanels,
                           AssignedPatients assigned)
    : QWidget(parent)
    , m_context(context)
    , m_mayEdit(false)
    , m_pages(new QStackedWidget(this))
    , m_lists(new QStackedWidget(this))
    , m_mode(new QButtonGroup(this))
    , m_search(new QLineEdit(this))
    , m_resultInfo(workbench::makeLabel(QString(), QStringLiteral("muted"), this))
    , m_message(workbench::makeMessageLabel(this))
    , m_results(new PatientSearchModel(this))
    , m_controller(nullptr)
    , m_duplicates(new PatientDuplicatesModel(this))
    , m_patientPage(nullptr)
    , m_indexRetry(new QTimer(this))
{
    const workspace::Session &session = m_context.session();
    const QStringList roles = session.roles.isEmpty() ? QStringList{session.role} : session.roles;
    m_filter.identityVisible = PatientAccess::showsIdentity(roles);
    m_filter.roles = roles;
    m_mayEdit = PatientAccess::mayEdit(roles);
    // What the permission engine gives this session: records, or counts only (R-5.2b/d).
    m_countsOnly = !m_context.workspace().patientAccess(policy::Action::Read).permitted &&
                   m_context.workspace().patientAccess(policy::Action::Search).permitted;
    m_assigned = std::move(assigned);
    m_controller = new PatientSearchController(
        [this](const QString &query) -> Result<QList<registry::PatientHit>> {
            if (m_context.isBusy())
                return makeError(Error::Code::Conflict,
                                 tr("Another task is running; the search waits for it."));
            // The index is built in the background after unlock; searching now would block the
            // window until it is done, so the page says how far it is and asks again shortly.
            const workspace::SearchIndexState index = m_context.workspace().searchIndexState();
            if (!index.ready && index.failure.isEmpty()) {
                m_indexRetry->start();
                return makeError(Error::Code::Conflict, indexingMessage(index));
            }
            if (m_countsOnly) {
                m_lastCount.reset();
                auto count = m_context.workspace().countPatients(query);
                if (!count)
                    return count.error();
                m_lastCount = count.value();
                return QList<registry::PatientHit>();
            }
            return m_context.workspace().patientSearch().search(query, 50, m_filter);
        },
        this);
    m_patientPage = new PatientPage(m_context, m_filter, m_mayEdit, m_pages, eventPanels);

    m_search->setObjectName(QStringLiteral("patientSearchEdit"));
    m_resultInfo->setObjectName(QStringLiteral("patientResultInfo"));
    m_resultInfo->setWordWrap(false);
    m_message->setObjectName(QStringLiteral("patientsMessage"));

    auto *list = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(list);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(14);
    layout->addWidget(workbench::makePageHeader(
        tr("Patients"),
        m_countsOnly
            ? tr("Count patients by pseudonymous ID or diagnosis. Your role sees how many match, not who; "
                 "opening records needs an access grant. Every count is recorded in the audit log.")
        : m_filter.identityVisible
            ? tr("Find any patient by pseudonymous ID, name, pinyin or diagnosis; results follow your "
                 "typing. "
                 "Every search and every record opened is recorded in the audit log.")
            : tr("Find patients by pseudonymous ID or diagnosis. Names and other identity are not shown to "
                 "your role. Every search is recorded in the audit log."),
        list));

    auto *searchCard = workbench::makeCard(list);
    auto *searchLayout = new QHBoxLayout(searchCard);
    searchLayout->setContentsMargins(16, 12, 16, 12);
    searchLayout->setSpacing(12);
    m_search->setPlaceholderText(m_filter.identityVisible
                                     ? tr("Search: pseudonymous ID, name, pinyin or diagnosis (Ctrl+F)")
                                     : tr("Search: pseudonymous ID or diagnosis (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(workbench::Theme::icon(QStringLiteral("search"), workbench::Theme::muted()),
                        QLineEdit::LeadingPosition);
    m_search->setMinimumHeight(34);
    m_search->setStyleSheet(
        QStringLiteral("QLineEdit#patientSearchEdit { font-size: 11.5pt; padding: 6px 10px; }"));
    searchLayout->addWidget(m_search, 1);
    searchLayout->addWidget(m_resultInfo);
    auto *newPatient = workbench::makeAccentButton(tr("New patient…"), searchCard);
    newPatient->setObjectName(QStringLiteral("newPatientButton"));
    newPatient->setIcon(workbench::Theme::icon(QStringLiteral("plus"), Qt::white));
    newPatient->setToolTip(tr("Register a new patient (Ctrl+N)"));
    newPatient->setVisible(m_mayEdit);
    searchLayout->addWidget(newPatient);
    m_requestAccess = new QPushButton(tr("Request access…"), searchCard);
    m_requestAccess->setObjectName(QStringLiteral("requestAccessButton"));
    m_requestAccess->setToolTip(tr("Ask for a time-limited grant to open de-identified records"));
    m_requestAccess->setVisible(m_countsOnly);
    searchLayout->addWidget(m_requestAccess);
    connect(m_requestAccess, &QPushButton::clicked, this, [this] { (void)requestAccess(); });
    layout->addWidget(searchCard);

    auto *modeRow = new QHBoxLayout;
    modeRow->setSpacing(0);
    m_resultsButton = new QPushButton(tr("Search results"), list);
    m_duplicatesButton = new QPushButton(tr("Possible duplicates"), list);
    m_resultsButton->setObjectName(QStringLiteral("resultsTabButton"));
    m_duplicatesButton->setObjectName(QStringLiteral("duplicatesTabButton"));
    for (QPushButton *b : {m_resultsButton, m_duplicatesButton}) {
        b->setCheckable(true);
        b->setProperty("segment", true);
        modeRow->addWidget(b);
    }
    m_resultsButton->setProperty("position", QStringLiteral("first"));
    m_duplicatesButton->setProperty("position", QStringLiteral("last"));
    m_resultsButton->setChecked(true);
    m_mode->addButton(m_resultsButton, 0);
    m_mode->addButton(m_duplicatesButton, 1);
    modeRow->addStretch();
    // Only those who may merge records work the duplicate queue.
    m_resultsButton->setVisible(m_mayEdit);
    m_duplicatesButton->setVisible(m_mayEdit);
    layout->addLayout(modeRow);

    m_lists->addWidget(buildResults());
    m_lists->addWidget(buildDuplicates());
    layout->addWidget(m_lists, 1);

    m_pages->addWidget(list);
    m_pages->addWidget(m_patientPage);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    auto *find = new QAction(tr("Find patient"), this);
    find->setObjectName(QStringLiteral("findPatientAction"));
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    addAction(find);
    connect(find, &QAction::triggered, this, [this] {
        showList();
        m_mode->button(0)->click();
        m_search->setFocus();
        m_search->selectAll();
    });
    auto *create = new QAction(tr("New patient…"), this);
    create->setObjectName(QStringLiteral("newPatientAction"));
    create->setShortcut(QKeySequence::New);
    create->setShortcutContext(Qt::WindowShortcut);
    create->setEnabled(m_mayEdit);
    addAction(create);
    connect(create, &QAction::triggered, this, &PatientsPage::newPatient);
    connect(newPatient, &QPushButton::clicked, this, &PatientsPage::newPatient);

    connect(m_search, &QLineEdit::textChanged, m_controller, &PatientSearchController::setQuery);
    connect(m_controller, &PatientSearchController::resultsReady, this, &PatientsPage::showResults);
    connect(m_controller, &PatientSearchController::cleared, this, &PatientsPage::showDesk);
    connect(m_controller, &PatientSearchController::failed, this,
            [this](const QString &, const QString &message) {
                if (m_indexRetry->isActive()) {
                    workbench::showMessage(m_message, workbench::Severity::Info, message);
                    return;
                }
                workbench::showMessage(m_message, workbench::Severity::Error,
                                       tr("The search failed: %1").arg(message));
            });
    m_indexRetry->setSingleShot(true);
    m_indexRetry->setInterval(400);
    connect(m_indexRetry, &QTimer::timeout, m_controller, &PatientSearchController::refresh);
    connect(m_mode, &QButtonGroup::idClicked, this, [this](int id) {
        m_lists->setCurrentIndex(id);
        if (id == 1)
            refreshDuplicates();
    });
    m_search->installEventFilter(new KeyForwarder(this, [this](QKeyEvent *key) {
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            m_controller->flush();
            if (m_resultsTable->currentIndex().isValid() || m_results->rowCount() > 0) {
                if (!m_resultsTable->currentIndex().isValid())
                    m_resultsTable->selectRow(0);
                openSelected();
            }
            return true;
        }
        if (key->key() == Qt::Key_Down && m_results->rowCount() > 0) {
            m_resultsTable->setFocus();
            if (!m_resultsTable->currentIndex().isValid())
                m_resultsTable->selectRow(0);
            return true;
        }
        return false;
    }));
    connect(m_patientPage, &PatientPage::backRequested, this, [this] {
        showList();
        m_controller->refresh();
        m_search->setFocus();
    });
    connect(m_patientPage, &PatientPage::openPatientRequested, this, &PatientsPage::openPatient);
    connect(m_patientPage, &PatientPage::registryChanged, this, [this] {
        m_controller->refresh();
        refreshDuplicates();
    });
    m_controller->setQuery(QString());
    // Level-3 data shown to a role that does not see identity carries the viewer's mark.
    workbench::watermarkIfObliged(m_context, this);
}

QWidget *PatientsPage::buildResults()
{
    auto *page = new QWidget(m_lists);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_message);
    m_resultsTable = new QTableView(page);
    m_resultsTable->setObjectName(QStringLiteral("patientResultsTable"));
    m_resultsTable->setModel(m_results);
    styleTable(m_resultsTable);
    auto *header = m_resultsTable->horizontalHeader();
    header->resizeSection(PatientSearchModel::PseudonymColumn, 190);
    header->resizeSection(PatientSearchModel::NameColumn, 160);
    header->resizeSection(PatientSearchModel::SexColumn, 90);
    header->resizeSection(PatientSearchModel::AgeColumn, 80);
    header->resizeSection(PatientSearchModel::BirthDateColumn, 130);
    header->resizeSection(PatientSearchModel::DiagnosisColumn, 230);
    m_resultsTable->setColumnHidden(PatientSearchModel::NameColumn, !m_filter.identityVisible);
    m_resultsTable->setColumnHidden(PatientSearchModel::BirthDateColumn, !m_filter.identityVisible);
    connect(m_resultsTable, &QTableView::activated, this, &PatientsPage::openSelected);
    m_resultsTable->installEventFilter(new KeyForwarder(this, [this](QKeyEvent *key) {
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            openSelected();
            return true;
        }
        return false;
    }));
    layout->addWidget(m_resultsTable, 1);
    return page;
}

QWidget *PatientsPage::buildDuplicates()
{
    auto *page = new QWidget(m_lists);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    m_duplicatesMessage = workbench::makeMessageLabel(page);
    m_duplicatesMessage->setObjectName(QStringLiteral("duplicatesMessage"));
    layout->addWidget(m_duplicatesMessage);

    m_duplicatesTable = new QTableView(page);
    m_duplicatesTable->setObjectName(QStringLiteral("duplicatesTable"));
    m_duplicatesTable->setModel(m_duplicates);
    styleTable(m_duplicatesTable);
    m_duplicatesTable->horizontalHeader()->resizeSection(PatientDuplicatesModel::PatientAColumn, 145);
    m_duplicatesTable->horizontalHeader()->resizeSection(PatientDuplicatesModel::PatientBColumn, 145);
    m_duplicatesTable->horizontalHeader()->resizeSection(PatientDuplicatesModel::ScoreColumn, 95);
    // When a pair was queued is shown with the pair; the list keeps to what tells pairs apart.
    m_duplicatesTable->setColumnHidden(PatientDuplicatesModel::QueuedColumn, true);
    m_duplicatesTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *compare = workbench::makeCard(page);
    auto *compareLayout = new QVBoxLayout(compare);
    compareLayout->setContentsMargins(16, 12, 16, 12);
    compareLayout->setSpacing(10);
    compareLayout->addWidget(
        workbench::makeLabel(tr("Compare the pair"), QStringLiteral("sectionTitle"), compare));
    m_queued = workbench::makeLabel(QString(), QStringLiteral("duplicateQueued"), compare);
    m_queued->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
    compareLayout->addWidget(m_queued);
    auto *sides = new QHBoxLayout;
    sides->setSpacing(16);
    for (int side = 0; side < 2; ++side) {
        m_comparison[side] = new QLabel(compare);
        m_comparison[side]->setObjectName(side == 0 ? QStringLiteral("compareA")
                                                    : QStringLiteral("compareB"));
        m_comparison[side]->setTextFormat(Qt::RichText);
        m_comparison[side]->setWordWrap(true);
        m_comparison[side]->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        sides->addWidget(m_comparison[side], 1);
    }
    compareLayout->addLayout(sides, 1);
    auto *buttons = new QHBoxLayout;
    m_openA = new QPushButton(tr("Open A"), compare);
    m_openB = new QPushButton(tr("Open B"), compare);
    m_dismiss = new QPushButton(workbench::Theme::icon(QStringLiteral("x-circle")),
                                tr("Not the same person…"), compare);
    m_merge = workbench::makeAccentButton(tr("Merge…"), compare);
    m_openA->setObjectName(QStringLiteral("openAButton"));
    m_openB->setObjectName(QStringLiteral("openBButton"));
    m_dismiss->setObjectName(QStringLiteral("dismissDuplicateButton"));
    m_merge->setObjectName(QStringLiteral("mergeDuplicateButton"));
    buttons->addWidget(m_openA);
    buttons->addWidget(m_openB);
    buttons->addStretch();
    buttons->addWidget(m_dismiss);
    buttons->addWidget(m_merge);
    compareLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(m_duplicatesTable);
    splitter->addWidget(compare);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 440});
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    connect(m_duplicatesTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PatientsPage::showCandidate);
    connect(m_merge, &QPushButton::clicked, this, &PatientsPage::mergeSelectedCandidate);
    connect(m_dismiss, &QPushButton::clicked, this, &PatientsPage::dismissSelectedCandidate);
    auto open = [this](bool a) {
        const auto *c = m_duplicates->candidateAt(m_duplicatesTable->currentIndex().row());
        if (c)
            openPatient(a ? c->patientA : c->patientB);
    };
    connect(m_openA, &QPushButton::clicked, this, [open] { open(true); });
    connect(m_openB, &QPushButton::clicked, this, [open] { open(false); });
    showCandidate();
    return page;
}

void PatientsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The queue changes with every registration (here or from the command line): show its size.
    refreshDuplicates();
    if (!isShowingPatient()) {
        m_search->setFocus();
        if (m_search->text().trimmed().isEmpty())
            showDesk();
    }
}

void PatientsPage::showDesk()
{
    m_results->clear();
    m_resultInfo->clear();
    if (m_countsOnly) {
        const policy::Decision read = m_context.workspace().patientAccess(policy::Action::Read);
        workbench::showMessage(m_message, workbench::Severity::Info,
                               tr("Your role sees how many patients match, not who they are: %1 Type a "
                                  "pseudonymous ID or a diagnosis to count.")
                                   .arg(read.explanation()));
        return;
    }
    const QString hint =
        m_filter.identityVisible
            ? tr("Type a few characters: part of a pseudonymous ID (P-…), a name, its pinyin or "
                 "initials, or a diagnosis such as TNBC.")
            : tr("Type a few characters: part of a pseudonymous ID (P-…) or a diagnosis.");
    if (m_context.isBusy()) {
        workbench::showMessage(m_message, workbench::Severity::Info, hint);
        return;
    }
    registry::Registry &registry = m_context.workspace().registry();
    const QString actor = m_context.session().accountId;
    QList<registry::Patient> patients;
    QList<QString> why;
    QSet<QUuid> listed;
    // Assigned first: those wait for the user; then what they worked on, newest first.
    const QStringList assigned = m_assigned ? m_assigned() : QStringList();
    for (const QString &pseudonym : assigned) {
        auto patient = registry.patientByPseudonym(actor, pseudonym);
        if (patient && !listed.contains(patient->id) && !patient->isMerged()) {
            listed.insert(patient->id);
            patients << patient.value();
            why << QStringLiteral("assigned");
        }
    }
    constexpr int recentLimit = 20;
    if (auto recent = registry.recentPatients(actor, recentLimit)) {
        for (const registry::Patient &patient : recent.value()) {
            if (listed.contains(patient.id))
                continue;
            listed.insert(patient.id);
            patients << patient;
            why << QStringLiteral("recent");
        }
    }
    QList<registry::PatientHit> hits;
    for (qsizetype i = 0; i < patients.size(); ++i) {
        const registry::Patient &p = patients.at(i);
        registry::PatientHit hit;
        hit.patientId = p.id;
        hit.pseudonymId = p.pseudonymId;
        if (m_filter.identityVisible)
            hit.displayName = p.name.display();
        hit.sex = p.sex;
        hit.birthDate = p.birthDate;
        if (auto events = registry.events(actor, p.id))
            hit.diagnosis = PatientTimeline::diagnosisSummary(events.value());
        hit.matchedField = why.at(i);
        hits << hit;
    }
    const QDate today = m_context.workspace().clock().now().toLocalTime().date();
    m_results->setHits(hits, today);
    if (hits.isEmpty()) {
        workbench::showMessage(m_message, workbench::Severity::Info, hint);
        return;
    }
    const int assignedCount = int(why.count(QStringLiteral("assigned")));
    const int recentCount = int(why.count(QStringLiteral("recent")));
    m_resultInfo->setText(assignedCount > 0
                              ? tr("Your patients: %n assigned, ", nullptr, assignedCount) +
                                    tr("%n worked on recently", nullptr, recentCount)
                              : tr("Your patients: %n worked on recently", nullptr, recentCount));
    workbench::showMessage(m_message, workbench::Severity::Info, hint);
    m_resultsTable->selectRow(0);
}

bool PatientsPage::isShowingPatient() const
{
    return m_pages->currentWidget() == m_patientPage;
}

void PatientsPage::search(const QString &text)
{
    showList();
    m_mode->button(0)->click();
    m_search->setText(text);
    m_controller->flush();
}

void PatientsPage::showResults(const QString &query, const QList<registry::PatientHit> &hits,
                               qint64 elapsedMs)
{
    Q_UNUSED(query);
    const QDate today = m_context.workspace().clock().now().toLocalTime().date();
    m_results->setHits(hits, today);
    if (m_countsOnly && m_lastCount) {
        const auto &count = *m_lastCount;
        const QString text = count.belowMinimum
                                 ? tr("Fewer than %1 patients match").arg(count.minimumCellSize)
                             : count.capped ? tr("At least %n patients match", nullptr, count.count)
                                            : tr("%n patient(s) match", nullptr, count.count);
        m_resultInfo->setText(text);
        workbench::showMessage(
            m_message, workbench::Severity::Info,
            tr("%1. Counts only: opening records needs an access grant (Request access…).").arg(text));
        return;
    }
    m_resultInfo->setText(tr("%n patient(s)", nullptr, int(hits.size())) + QStringLiteral(" · ") +
                          tr("%1 ms").arg(QLocale().toString(elapsedMs)));
    if (hits.isEmpty())
        workbench::showMessage(m_message, workbench::Severity::Info,
                               tr("No patient matches. Check the spelling or type less."));
    else
        workbench::showMessage(m_message, workbench::Severity::None, {});
    if (!hits.isEmpty())
        m_resultsTable->selectRow(0);
    m_context.notifyChanged();
}

bool PatientsPage::requestAccess()
{
    access::ui::AccessRequestDialog dialog(m_context.workspace().siteAccess(),
                                           m_context.workspace().patientAccess(policy::Action::Read), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    workbench::showMessage(m_message, workbench::Severity::Success,
                           tr("Your request %1 was sent to the site server. Ethics review comes first, then "
                              "the approvers; follow it under My access.")
                               .arg(dialog.number()));
    return true;
}

void PatientsPage::openSelected()
{
    const QModelIndex index = m_resultsTable->currentIndex();
    if (!index.isValid())
        return;
    openPatient(index.siblingAtColumn(0).data(PatientSearchModel::PatientIdRole).toUuid());
}

bool PatientsPage::openPatient(const QUuid &patientId)
{
    if (!m_patientPage->openPatient(patientId)) {
        // A refusal of the permission engine says why and offers the request entry with the scope
        // it names (R-5.2d); anything else is a failure to open.
        const policy::Decision read = m_context.workspace().patientAccess(policy::Action::Read);
        if (!read.permitted) {
            showList();
            m_requestAccess->setVisible(true);
            workbench::showMessage(
                m_message, workbench::Severity::Warning,
                tr("This patient cannot be opened: %1 Use “Request access…” to ask for the "
                   "scope you need.")
                    .arg(read.explanation()));
            return false;
        }
        workbench::showMessage(m_message, workbench::Severity::Error, tr("The patient could not be opened."));
        return false;
    }
    m_pages->setCurrentWidget(m_patientPage);
    m_patientPage->timelineView()->setFocus();
    m_context.notifyChanged();
    return true;
}

void PatientsPage::showList()
{
    m_pages->setCurrentIndex(0);
}

void PatientsPage::showDuplicates()
{
    showList();
    m_mode->button(1)->click();
}

void PatientsPage::refreshDuplicates()
{
    if (!m_mayEdit || m_context.isBusy())
        return;
    const qint64 keep = [this] {
        const auto *c = m_duplicates->candidateAt(m_duplicatesTable->currentIndex().row());
        return c ? c->id : qint64(-1);
    }();
    auto candidates = m_context.workspace().registry().possibleDuplicates(registry::DuplicateStatus::Open);
    if (!candidates) {
        workbench::showMessage(m_duplicatesMessage, workbench::Severity::Error, candidates.error().message);
        return;
    }
    m_duplicates->setCandidates(candidates.value());
    const int count = m_duplicates->rowCount();
    m_duplicatesButton->setText(count > 0 ? tr("Possible duplicates (%1)").arg(count)
                                          : tr("Possible duplicates"));
    workbench::showMessage(
        m_duplicatesMessage, count == 0 ? workbench::Severity::Success : workbench::Severity::Info,
        count == 0
            ? tr("No pair is waiting for review.")
            : tr("%n pair(s) may be the same person. Compare them, then merge or dismiss.", nullptr, count));
    const int row = keep >= 0 ? m_duplicates->rowOf(keep) : -1;
    if (count > 0)
        m_duplicatesTable->selectRow(row >= 0 ? row : 0);
    showCandidate();
}

void PatientsPage::showCandidate()
{
    const auto *c = m_duplicates->candidateAt(m_duplicatesTable->currentIndex().row());
    for (QPushButton *b : {m_merge, m_dismiss, m_openA, m_openB})
        b->setEnabled(c != nullptr);
    m_queued->setText(c ? tr("Queued %1 · %2% likely: %3")
                              .arg(workbench::formatDateTime(c->created))
                              .arg(qRound(c->score * 100))
                              .arg(PatientText::duplicateReasons(c->reasons))
                        : QString());
    if (!c) {
        for (QLabel *label : m_comparison)
            label->setText(QStringLiteral("<span style=\"color:#5f6b7a\">%1</span>")
                               .arg(tr("Select a pair to compare the two records.").toHtmlEscaped()));
        return;
    }
    // The operator compares the people: each record is read through the audited view.
    const QUuid ids[2] = {c->patientA, c->patientB};
    const QString labels[2] = {tr("Patient A"), tr("Patient B")};
    for (int side = 0; side < 2; ++side) {
        auto p = m_context.workspace().registry().patient(m_context.session().accountId, ids[side]);
        if (!p) {
            m_comparison[side]->setText(p.error().message.toHtmlEscaped());
            continue;
        }
        QString html =
            QStringLiteral("<div style=\"color:#5f6b7a\">%1</div>"
                           "<div style=\"font-size:12pt; font-weight:600; color:#10263b\">%2</div>")
                .arg(labels[side].toHtmlEscaped(), p->pseudonymId.toHtmlEscaped());
        auto line = [&html](const QString &name, const QString &value) {
            html += QStringLiteral("<div><span style=\"color:#5f6b7a\">%1</span> %2</div>")
                        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
        };
        line(tr("Name:"), p->name.display());
        line(tr("Sex:"), PatientText::sexName(p->sex));
        line(tr("Birth date:"), p->birthDate.toString(Qt::ISODate));
        for (const registry::PatientIdentifier &id : p->identifiers)
            line(PatientText::identifierTypeName(id.type) + tr(":"),
                 id.masked() + (id.verified ? tr(" (verified)") : QString()));
        line(tr("Registered:"), workbench::formatDateTime(p->created));
        m_comparison[side]->setText(html);
    }
}

void PatientsPage::mergeSelectedCandidate()
{
    const auto *c = m_duplicates->candidateAt(m_duplicatesTable->currentIndex().row());
    if (!c)
        return;
    PatientMergeDialog dialog(m_context.workspace().registry(), m_context.workspace().patientSearch(),
                              m_filter, m_context.session().accountId, this);
    dialog.setPair(c->patientA, c->patientB);
    if (dialog.exec() != QDialog::Accepted || !dialog.record())
        return;
    workbench::showMessage(
        m_duplicatesMessage, workbench::Severity::Success,
        tr("%1 was merged into %2. The merge can be undone from the patient's merge history.")
            .arg(dialog.record()->mergedPseudonym, dialog.record()->survivorPseudonym));
    const QString message = m_duplicatesMessage->text();
    refreshDuplicates();
    workbench::showMessage(m_duplicatesMessage, workbench::Severity::Success, message);
    m_controller->refresh();
    m_context.notifyChanged();
}

bool PatientsPage::dismissDuplicate(qint64 candidateId, const QString &reason)
{
    auto r =
        m_context.workspace().registry().dismissDuplicate(m_context.session().accountId, candidateId, reason);
    if (!r) {
        workbench::showMessage(m_duplicatesMessage, workbench::Severity::Error, r.error().message);
        return false;
    }
    refreshDuplicates();
    m_context.notifyChanged();
    return true;
}

void PatientsPage::dismissSelectedCandidate()
{
    const auto *c = m_duplicates->candidateAt(m_duplicatesTable->currentIndex().row());
    if (!c)
        return;
    const qint64 id = c->id;
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Not the same person"),
                              tr("Why are %1 and %2 different people?").arg(c->pseudonymA, c->pseudonymB),
                              QLineEdit::Normal, QString(), &ok);
    if (ok)
        dismissDuplicate(id, reason);
}

void PatientsPage::newPatient()
{
    if (!m_mayEdit || m_context.isBusy())
        return;
    NewPatientDialog dialog(m_context.workspace().registry(), m_context.session().accountId,
                            m_context.workspace().clock(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.outcome() == NewPatientDialog::Outcome::Created)
        refreshDuplicates();
    openPatient(dialog.patientId());
    m_context.notifyChanged();
}

} // namespace mdp::registry::ui
