#include "AuditBundleWindow.h"

#include "mdp/audit/ui/AuditEventTableModel.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/AuditQueries.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace mdp::audit::ui {

ActivityChart::ActivityChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("activityChart"));
}

void ActivityChart::setCounts(QMap<QDate, int> counts)
{
    m_counts = std::move(counts);
    update();
}

void ActivityChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(48, 16, -16, -36);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_counts.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No activity in the bundle."));
        return;
    }
    // Every day from the first to the last, empty ones included, so gaps show.
    const QDate first = m_counts.firstKey();
    const QDate last = m_counts.lastKey();
    const qint64 days = first.daysTo(last) + 1;
    const int peak = *std::max_element(m_counts.cbegin(), m_counts.cend());
    const qreal slot = area.width() / qreal(days);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(0, area.top() - 8, 44, 16), Qt::AlignRight | Qt::AlignVCenter, QString::number(peak));
    p.drawText(QRectF(0, area.bottom() - 8, 44, 16), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    const QColor bar = workbench::Theme::accent();
    for (qint64 d = 0; d < days; ++d) {
        const int count = m_counts.value(first.addDays(d));
        if (count == 0)
            continue;
        const qreal h = area.height() * count / peak;
        p.fillRect(
            QRectF(area.left() + d * slot + slot * 0.15, area.bottom() - h, std::max(1.0, slot * 0.7), h),
            bar);
    }
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(area.left(), area.bottom() + 6, 160, 20), Qt::AlignLeft, first.toString(Qt::ISODate));
    p.drawText(QRectF(area.right() - 160, area.bottom() + 6, 160, 20), Qt::AlignRight,
               last.toString(Qt::ISODate));
}

namespace {

QTableView *eventTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setItemDelegate(new workbench::PaddedItemDelegate(table));
    table->setShowGrid(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(30);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

} // namespace

AuditBundleWindow::AuditBundleWindow(OpenedAuditBundle bundle, crypto::SigningKey auditorKey,
                                     QString readLogPath, QWidget *parent)
    : QWidget(parent)
    , m_bundle(std::move(bundle))
    , m_key(std::move(auditorKey))
    , m_readLog(std::move(readLogPath))
    , m_trail(m_bundle.events, m_bundle.accountNames)
    , m_model(new AuditEventTableModel(this))
    , m_tabs(new QTabWidget(this))
    , m_user(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_dataId(new QLineEdit(this))
    , m_patient(new QLineEdit(this))
    , m_message(workbench::makeMessageLabel(this))
    , m_table(nullptr)
    , m_detail(new QPlainTextEdit(this))
    , m_figures(new QTableWidget(this))
    , m_timelineUser(new QComboBox(this))
    , m_chart(new ActivityChart(this))
{
    setObjectName(QStringLiteral("auditBundleWindow"));
    setWindowTitle(tr("Audit bundle (offline, read-only) – MDP"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(12);
    const auto stamp = [](const QDateTime &t) {
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
    };
    layout->addWidget(workbench::makePageHeader(tr("Audit bundle from %1").arg(m_bundle.source),
                                                tr("Exported by %1 on %2 · events %3–%4 of %5 · read-only, "
                                                   "offline: nothing here changes any workspace.")
                                                    .arg(m_bundle.exportedBy, stamp(m_bundle.exportedAt))
                                                    .arg(m_bundle.first)
                                                    .arg(m_bundle.end - 1)
                                                    .arg(m_bundle.checkpointSize),
                                                this));

    // What was verified, before anything is shown.
    auto *verdict = workbench::makeMessageLabel(this);
    verdict->setObjectName(QStringLiteral("bundleVerdict"));
    // Everything below passed: openAuditBundle() returns nothing else. Said in the interface's language.
    const auto print = [](const QByteArray &fingerprint) {
        return QString::fromLatin1(fingerprint.toHex().left(16));
    };
    QStringList lines{tr("Verified before opening:")};
    lines << QStringLiteral("✓ ") +
                 tr("Sealed for your auditor key (%1); every section authenticated (SM4-GCM).")
                     .arg(print(m_key.publicKey().fingerprint()));
    lines << QStringLiteral("✓ ") + tr("The manifest is signed by the workstation's node key %1 (SM2).")
                                        .arg(print(m_bundle.nodeKeyFingerprint));
    lines << QStringLiteral("✓ ") + tr("The workstation's checkpoint over %1 events, signed %2, verifies.")
                                        .arg(m_bundle.checkpointSize)
                                        .arg(stamp(m_bundle.checkpointTime));
    lines << QStringLiteral("✓ ") + tr("Events %1–%2: each decrypts under its own sequence number and chains "
                                       "to the one before (SM3).")
                                        .arg(m_bundle.first)
                                        .arg(m_bundle.end - 1);
    lines
        << QStringLiteral("✓ ") +
               tr("Merkle inclusion: the events lead to the root over %1 events, consistent with the signed "
                  "checkpoint (RFC 9162).")
                   .arg(m_bundle.end);
    if (m_bundle.witnessedSize >= 0)
        lines
            << QStringLiteral("✓ ") +
                   (m_bundle.serverKeyTrusted
                        ? tr("The site server witnessed the first %1 events on %2 with key %3, the site key "
                             "you "
                             "gave; the checkpoint extends that tree.")
                        : tr("A server witnessed the first %1 events on %2 with key %3 (not compared with a "
                             "site key: give --site-key); the checkpoint extends that tree."))
                       .arg(m_bundle.witnessedSize)
                       .arg(stamp(m_bundle.witnessedAt))
                       .arg(print(m_bundle.serverKeyFingerprint));
    if (m_bundle.witnessedSize < 0)
        lines << tr(
            "No server witness: the site server had not yet witnessed this log; only the workstation's "
            "signature vouches for it.");
    else if (m_bundle.witnessedSize < m_bundle.end)
        lines
            << tr("Events from %1 on are signed by the workstation but not yet witnessed by the site server.")
                   .arg(m_bundle.witnessedSize);
    workbench::showMessage(verdict,
                           m_bundle.witnessedSize >= 0 && m_bundle.serverKeyTrusted
                               ? workbench::Severity::Success
                               : workbench::Severity::Info,
                           lines.join(u'\n'));
    verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(verdict);

    // Questions.
    QStringList names;
    for (const auto &figure : m_trail.perUser())
        names << figure.userName;
    names.sort(Qt::CaseInsensitive);
    m_user->addItems(names);
    m_user->setObjectName(QStringLiteral("bundleUserCombo"));
    m_user->setEditable(true);
    m_user->setMinimumWidth(200);
    const QDateTime firstTime = m_bundle.events.isEmpty()
                                    ? QDateTime::currentDateTime()
                                    : m_bundle.events.first().event.recorded.toLocalTime();
    const QDateTime lastTime = m_bundle.events.isEmpty()
                                   ? QDateTime::currentDateTime()
                                   : m_bundle.events.last().event.recorded.toLocalTime();
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setMinimumWidth(180);
    }
    m_from->setDateTime(firstTime.addSecs(-60));
    m_to->setDateTime(lastTime.addSecs(60));
    auto *userTab = new QWidget(m_tabs);
    auto *userRow = new QHBoxLayout(userTab);
    auto *showUserButton = workbench::makeAccentButton(tr("Show"), userTab);
    showUserButton->setObjectName(QStringLiteral("bundleShowUser"));
    userRow->addWidget(new QLabel(tr("User"), userTab));
    userRow->addWidget(m_user);
    userRow->addWidget(new QLabel(tr("From"), userTab));
    userRow->addWidget(m_from);
    userRow->addWidget(new QLabel(tr("To"), userTab));
    userRow->addWidget(m_to);
    userRow->addStretch();
    userRow->addWidget(showUserButton);
    m_tabs->addTab(userTab, tr("By user"));

    auto *dataTab = new QWidget(m_tabs);
    auto *dataRow = new QHBoxLayout(dataTab);
    m_dataId->setObjectName(QStringLiteral("bundleDataId"));
    m_dataId->setPlaceholderText(tr("type:id, e.g. record:R-000123, or a bare id"));
    m_dataId->setClearButtonEnabled(true);
    auto *showDataButton = workbench::makeAccentButton(tr("Show"), dataTab);
    dataRow->addWidget(new QLabel(tr("Data ID"), dataTab));
    dataRow->addWidget(m_dataId, 1);
    dataRow->addWidget(showDataButton);
    m_tabs->addTab(dataTab, tr("By data ID"));

    auto *patientTab = new QWidget(m_tabs);
    auto *patientRow = new QHBoxLayout(patientTab);
    m_patient->setObjectName(QStringLiteral("bundlePatient"));
    m_patient->setPlaceholderText(tr("the patient's pseudonym, e.g. P-7F3A…"));
    m_patient->setClearButtonEnabled(true);
    auto *showPatientButton = workbench::makeAccentButton(tr("Show"), patientTab);
    patientRow->addWidget(new QLabel(tr("Patient"), patientTab));
    patientRow->addWidget(m_patient, 1);
    patientRow->addWidget(showPatientButton);
    m_tabs->addTab(patientTab, tr("Patient's access history"));

    // Per-user figures.
    const QStringList headers{tr("User"),   tr("Events"),  tr("Failed"),
                              tr("Reads"),  tr("Changes"), tr("Downloads/exports"),
                              tr("Alerts"), tr("First"),   tr("Last")};
    m_figures->setObjectName(QStringLiteral("bundleFigures"));
    m_figures->setColumnCount(int(headers.size()));
    m_figures->setHorizontalHeaderLabels(headers);
    m_figures->verticalHeader()->hide();
    m_figures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_figures->setAlternatingRowColors(true);
    m_figures->setShowGrid(false);
    m_figures->horizontalHeader()->setStretchLastSection(true);
    const auto figures = m_trail.perUser();
    m_figures->setRowCount(int(figures.size()));
    for (int r = 0; r < figures.size(); ++r) {
        const auto &f = figures.at(r);
        const QStringList cells{f.userName,
                                QString::number(f.events),
                                QString::number(f.failures),
                                QString::number(f.reads),
                                QString::number(f.changes),
                                QString::number(f.downloads),
                                QString::number(f.alerts),
                                stamp(f.first),
                                stamp(f.last)};
        for (int c = 0; c < cells.size(); ++c)
            m_figures->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_figures->resizeColumnsToContents();

    auto *timelineTab = new QWidget(m_tabs);
    auto *timelineLayout = new QVBoxLayout(timelineTab);
    auto *timelineRow = new QHBoxLayout;
    m_timelineUser->addItem(tr("Everyone"), QString());
    for (const QString &name : std::as_const(names))
        m_timelineUser->addItem(name, name);
    timelineRow->addWidget(new QLabel(tr("Activity of"), timelineTab));
    timelineRow->addWidget(m_timelineUser);
    timelineRow->addStretch();
    timelineLayout->addLayout(timelineRow);
    timelineLayout->addWidget(m_chart, 1);

    layout->addWidget(m_tabs);
    layout->addWidget(m_message);

    m_table = eventTable(m_model, this);
    m_table->setObjectName(QStringLiteral("bundleTable"));
    m_model->setAccountNames(m_bundle.accountNames);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select an event to see its full record."));
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *results = new QTabWidget(this);
    auto *events = new QSplitter(Qt::Vertical, results);
    events->addWidget(m_table);
    events->addWidget(m_detail);
    events->setStretchFactor(0, 3);
    events->setStretchFactor(1, 1);
    results->addTab(events, tr("Events"));
    results->addTab(m_figures, tr("Per-user figures"));
    results->addTab(timelineTab, tr("Activity timeline"));
    layout->addWidget(results, 1);

    auto *footer = new QHBoxLayout;
    auto *readNote = new QLabel(tr("Your questions are recorded in %1; bring it to the next export "
                                   "(mdp audit export --reads) so the trail holds them.")
                                    .arg(m_readLog),
                                this);
    readNote->setObjectName(QStringLiteral("bundleReadNote"));
    readNote->setWordWrap(true);
    footer->addWidget(readNote, 1);
    auto *close = new QPushButton(tr("Close"), this);
    footer->addWidget(close);
    layout->addLayout(footer);

    connect(showUserButton, &QPushButton::clicked, this, [this] {
        showUser(m_user->currentText(), m_from->dateTime().toUTC(), m_to->dateTime().toUTC());
    });
    connect(showDataButton, &QPushButton::clicked, this, [this] { showData(m_dataId->text().trimmed()); });
    connect(m_dataId, &QLineEdit::returnPressed, this, [this] { showData(m_dataId->text().trimmed()); });
    connect(showPatientButton, &QPushButton::clicked, this,
            [this] { showPatient(m_patient->text().trimmed()); });
    connect(m_patient, &QLineEdit::returnPressed, this, [this] { showPatient(m_patient->text().trimmed()); });
    connect(m_timelineUser, &QComboBox::currentIndexChanged, this, &AuditBundleWindow::showTimeline);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditBundleWindow::showSelected);
    new QShortcut(QKeySequence::Find, this, [this] {
        m_tabs->setCurrentIndex(1);
        m_dataId->setFocus();
    });
    resize(1360, 900);
    showTimeline();
    // All events at first: the bundle as a whole was verified, and listing it is the first read.
    QList<int> all(m_bundle.events.size());
    std::iota(all.begin(), all.end(), 0);
    if (noteRead(QStringLiteral("all"), {}))
        showRows(all);
}

AuditBundleWindow::~AuditBundleWindow() = default;

bool AuditBundleWindow::noteRead(const QString &query, const QJsonObject &parameters)
{
    auto noted = AuditReadLog::append(m_readLog, m_key, m_bundle.bundleId, query, parameters,
                                      QDateTime::currentDateTimeUtc());
    if (!noted) {
        // No answer without its record.
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The question was not answered: the read log cannot be written (%1).")
                                   .arg(noted.error().message));
        return false;
    }
    return true;
}

void AuditBundleWindow::showUser(const QString &user, const QDateTime &from, const QDateTime &to)
{
    if (user.trimmed().isEmpty()) {
        workbench::showMessage(m_message, workbench::Severity::Warning, tr("Choose a user."));
        return;
    }
    if (noteRead(QStringLiteral("by-user"), {{QStringLiteral("user"), user},
                                             {QStringLiteral("from"), AuditEvent::formatTime(from)},
                                             {QStringLiteral("to"), AuditEvent::formatTime(to)}})) {
        m_tabs->setCurrentIndex(0);
        m_user->setCurrentText(user);
        m_from->setDateTime(from.toLocalTime());
        m_to->setDateTime(to.toLocalTime());
        showRows(m_trail.byUser(user.trimmed(), from, to));
    }
}

void AuditBundleWindow::showData(const QString &dataId)
{
    if (dataId.isEmpty()) {
        workbench::showMessage(m_message, workbench::Severity::Warning, tr("Enter a data ID."));
        return;
    }
    if (noteRead(QStringLiteral("by-data"), {{QStringLiteral("data"), dataId}})) {
        m_tabs->setCurrentIndex(1);
        m_dataId->setText(dataId);
        showRows(m_trail.byData(dataId));
    }
}

void AuditBundleWindow::showPatient(const QString &pseudonym)
{
    if (pseudonym.isEmpty()) {
        workbench::showMessage(m_message, workbench::Severity::Warning, tr("Enter the patient's pseudonym."));
        return;
    }
    if (noteRead(QStringLiteral("patient"), {{QStringLiteral("pseudonym"), pseudonym}})) {
        m_tabs->setCurrentIndex(2);
        m_patient->setText(pseudonym);
        showRows(m_trail.patientHistory(pseudonym));
    }
}

int AuditBundleWindow::shownCount() const
{
    return m_model->rowCount();
}

void AuditBundleWindow::showRows(const QList<int> &positions)
{
    QList<workspace::AuditRow> rows;
    rows.reserve(positions.size());
    for (int i : positions) {
        const AuditBundleEvent &e = m_trail.events().at(i);
        rows.append(workspace::AuditRow{e.sequence, e.event, m_trail.nameOf(e.event.agent.userId)});
    }
    m_model->setRows(rows);
    m_table->resizeColumnsToContents();
    m_detail->clear();
    workbench::showMessage(m_message, workbench::Severity::Info,
                           tr("%n event(s).", nullptr, int(rows.size())));
}

void AuditBundleWindow::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    m_detail->setPlainText(
        current.isValid() ? current.siblingAtColumn(0).data(AuditEventTableModel::EventJsonRole).toString()
                          : QString());
}

void AuditBundleWindow::showTimeline()
{
    const QString user = m_timelineUser->currentData().toString();
    if (!user.isEmpty() && !noteRead(QStringLiteral("timeline"), {{QStringLiteral("user"), user}}))
        return;
    m_chart->setCounts(m_trail.timeline(m_timelineUser->currentData().toString()));
}

} // namespace mdp::audit::ui
