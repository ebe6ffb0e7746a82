#include "AuditReviewWindow.h"

#include "mdp/audit/ui/AuditEventTableModel.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/AuditReview.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mdp::audit::ui {

AuditReviewWindow::AuditReviewWindow(std::unique_ptr<workspace::AuditReview> review, QWidget *parent)
    : QWidget(parent)
    , m_review(std::move(review))
    , m_model(new AuditEventTableModel(this))
    , m_user(new QComboBox(this))
    , m_dataId(new QLineEdit(this))
    , m_search(workbench::makeAccentButton(tr("Show"), this))
    , m_message(workbench::makeMessageLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("auditReviewWindow"));
    setWindowTitle(tr("Read-only audit review – MDP"));
    m_user->setObjectName(QStringLiteral("reviewUserCombo"));
    m_dataId->setObjectName(QStringLiteral("reviewDataIdEdit"));
    m_search->setObjectName(QStringLiteral("reviewSearchButton"));
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_detail->setObjectName(QStringLiteral("reviewDetail"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(14);
    layout->addWidget(workbench::makePageHeader(
        tr("Read-only audit review"),
        tr("%1 · signed in as %2. This workspace failed its integrity checks and does not open for work; "
           "its audit trail can be read here. Nothing in the workspace is changed.")
            .arg(m_review->directory(), m_review->userName()),
        this));

    auto *verdict = workbench::makeMessageLabel(this);
    verdict->setObjectName(QStringLiteral("reviewVerdict"));
    const workspace::IntegrityReport &integrity = m_review->integrity();
    QString text = integrity.ok ? tr("The full check found no problem now; the workspace may open again.")
                                : tr("Why it did not open: %1").arg(integrity.problem);
    text += u'\n' + tr("%n event(s) read and verified in order.", nullptr, int(m_review->events().size()));
    if (!integrity.notChecked.isEmpty())
        text += u'\n' +
                tr("Not checked on this machine: %1").arg(integrity.notChecked.join(QStringLiteral("; ")));
    workbench::showMessage(verdict, integrity.ok ? workbench::Severity::Warning : workbench::Severity::Error,
                           text);
    layout->addWidget(verdict);

    auto *filterCard = workbench::makeCard(this);
    auto *filter = new QHBoxLayout(filterCard);
    filter->setContentsMargins(16, 12, 16, 12);
    filter->setSpacing(8);
    m_user->addItem(tr("Everyone"), QString());
    QStringList names = m_review->accountNames().values();
    names.sort(Qt::CaseInsensitive);
    for (const QString &name : std::as_const(names))
        m_user->addItem(name, name);
    m_user->setMinimumWidth(200);
    m_dataId->setPlaceholderText(tr("type:id, e.g. patient:P-000123 (optional)"));
    m_dataId->setMinimumWidth(300);
    m_dataId->setClearButtonEnabled(true);
    filter->addWidget(new QLabel(tr("User"), filterCard));
    filter->addWidget(m_user);
    filter->addSpacing(12);
    filter->addWidget(new QLabel(tr("Data ID"), filterCard));
    filter->addWidget(m_dataId);
    filter->addStretch();
    filter->addWidget(m_search);
    layout->addWidget(filterCard);
    layout->addWidget(m_message);

    m_model->setAccountNames(m_review->accountNames());
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegate(new workbench::PaddedItemDelegate(m_table));
    m_table->setShowGrid(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(32);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select an event to see its full record."));
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("reviewCloseButton"));
    buttons->addWidget(close);
    layout->addLayout(buttons);

    connect(m_search, &QPushButton::clicked, this, &AuditReviewWindow::search);
    connect(m_dataId, &QLineEdit::returnPressed, this, &AuditReviewWindow::search);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditReviewWindow::showSelected);
    new QShortcut(QKeySequence::Find, m_dataId, [this] { m_dataId->setFocus(); });
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1280, 820);
    showEvents(QString(), QString());
}

AuditReviewWindow::~AuditReviewWindow() = default;

void AuditReviewWindow::search()
{
    showEvents(m_user->currentData().toString(), m_dataId->text().trimmed());
}

void AuditReviewWindow::showEvents(const QString &userName, const QString &dataId)
{
    QList<workspace::AuditRow> rows;
    if (!dataId.isEmpty()) {
        auto hits = m_review->byDataId(dataId);
        if (!hits) {
            workbench::showMessage(m_message, workbench::Severity::Error, hits.error().message);
            return;
        }
        rows = hits.value();
    } else if (!userName.isEmpty()) {
        auto hits = m_review->byUserName(userName, {}, {});
        if (!hits) {
            workbench::showMessage(m_message, workbench::Severity::Error, hits.error().message);
            return;
        }
        rows = hits.value();
    } else {
        rows = m_review->events();
    }
    if (!dataId.isEmpty() && !userName.isEmpty())
        rows.removeIf([&userName](const workspace::AuditRow &row) { return row.userName != userName; });
    m_model->setRows(rows);
    m_table->resizeColumnsToContents();
    if (m_model->rowCount() > 0)
        m_table->scrollToBottom();
    workbench::showMessage(m_message, workbench::Severity::Info,
                           tr("%n event(s).", nullptr, int(rows.size())));
    m_detail->clear();
}

void AuditReviewWindow::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    m_detail->setPlainText(
        current.isValid() ? current.siblingAtColumn(0).data(AuditEventTableModel::EventJsonRole).toString()
                          : QString());
}

} // namespace mdp::audit::ui
