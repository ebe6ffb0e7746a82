#include "PatientHistoryDialog.h"

#include "PatientEventFieldsModel.h"
#include "PatientText.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mdp::registry::ui {

namespace {
void styleTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setItemDelegate(new workbench::PaddedItemDelegate(table));
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(30);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}
} // namespace

PatientHistoryDialog::PatientHistoryDialog(QList<registry::EventVersion> versions,
                                           QHash<QString, QString> userNames, Restore restore,
                                           QWidget *parent)
    : QDialog(parent)
    , m_versions(std::move(versions))
    , m_userNames(std::move(userNames))
    , m_restore(std::move(restore))
    , m_table(new QTableWidget(this))
    , m_fields(new PatientEventFieldsModel(this))
    , m_content(new QTableView(this))
    , m_restoreButton(
          new QPushButton(workbench::Theme::icon(QStringLiteral("rotate")), tr("Restore this version"), this))
{
    setObjectName(QStringLiteral("historyDialog"));
    setWindowTitle(tr("Version history"));
    resize(1080, 540);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_content->setObjectName(QStringLiteral("historyContent"));
    m_restoreButton->setObjectName(QStringLiteral("restoreVersionButton"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(workbench::makePageHeader(
        tr("Version history"),
        tr("Every change makes a new version; none is ever overwritten. Restoring an older version "
           "records a new one with its content."),
        this));

    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("Version"), tr("Change"), tr("When"), tr("By"), tr("Reason")});
    styleTable(m_table);
    m_table->setRowCount(int(m_versions.size()));
    for (int r = 0; r < m_versions.size(); ++r) {
        const registry::EventVersion &v = m_versions.at(r);
        const QStringList cells{QString::number(v.version), PatientText::changeName(v.change),
                                workbench::formatDateTime(v.changedAt),
                                m_userNames.value(v.changedBy, v.changedBy), v.reason};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(0, std::min(m_table->columnWidth(0), 70));
    m_table->setColumnWidth(1, std::min(m_table->columnWidth(1), 190));
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_content->setModel(m_fields);
    styleTable(m_content);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_content);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->addButton(m_restoreButton, QDialogButtonBox::ActionRole);
    m_restoreButton->setEnabled(static_cast<bool>(m_restore));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PatientHistoryDialog::showSelected);
    connect(m_restoreButton, &QPushButton::clicked, this, [this] {
        const int version = selectedVersion();
        if (version > 0 && m_restore && m_restore(version))
            accept();
    });
    if (!m_versions.isEmpty())
        m_table->selectRow(int(m_versions.size()) - 1);
}

void PatientHistoryDialog::selectVersion(int version)
{
    for (int r = 0; r < m_versions.size(); ++r) {
        if (m_versions.at(r).version == version)
            m_table->selectRow(r);
    }
}

int PatientHistoryDialog::selectedVersion() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_versions.size() ? m_versions.at(row).version : 0;
}

void PatientHistoryDialog::showSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_versions.size()) {
        m_fields->clear();
        return;
    }
    const registry::EventVersion &v = m_versions.at(row);
    registry::TimelineEvent shown;
    shown.id = v.eventId;
    shown.content = v.content;
    shown.version = v.version;
    shown.removed = v.removed;
    shown.updated = v.changedAt;
    for (const QUuid &id : v.attachmentIds) {
        registry::Attachment a;
        a.id = id;
        shown.attachments << a;
    }
    m_fields->setEvent(shown);
    m_content->resizeColumnToContents(0);
    m_content->setColumnWidth(0, std::min(m_content->columnWidth(0), 170));
    // The newest version is the current one: restoring it would change nothing.
    m_restoreButton->setEnabled(m_restore && row + 1 < m_versions.size());
}

} // namespace mdp::registry::ui
