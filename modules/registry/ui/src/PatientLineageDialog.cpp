#include "PatientLineageDialog.h"

#include "mdp/registry/Registry.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mdp::registry::ui {

PatientLineageDialog::PatientLineageDialog(registry::Registry &registry, QString actorId, QUuid patientId,
                                           QHash<QString, QString> userNames, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_actor(std::move(actorId))
    , m_patient(patientId)
    , m_userNames(std::move(userNames))
    , m_table(new QTableWidget(this))
    , m_reason(new QLineEdit(this))
    , m_unmerge(new QPushButton(workbench::Theme::icon(QStringLiteral("rotate")), tr("Undo merge"), this))
    , m_message(workbench::makeMessageLabel(this))
{
    setObjectName(QStringLiteral("lineageDialog"));
    setWindowTitle(tr("Merge history"));
    resize(940, 440);
    m_table->setObjectName(QStringLiteral("lineageTable"));
    m_reason->setObjectName(QStringLiteral("unmergeReasonEdit"));
    m_unmerge->setObjectName(QStringLiteral("unmergeButton"));
    m_message->setObjectName(QStringLiteral("lineageMessage"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(workbench::makePageHeader(
        tr("Merge history"),
        tr("Merges this record took part in. Undoing a merge puts back exactly what it moved."), this));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Merged on"), tr("Kept"), tr("Merged"), tr("By"), tr("Reason"), tr("State")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setItemDelegate(new workbench::PaddedItemDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_table, 1);
    auto *row = new QHBoxLayout;
    m_reason->setPlaceholderText(tr("Reason for undoing the merge (required)"));
    row->addWidget(m_reason, 1);
    m_unmerge->setProperty("danger", true);
    m_unmerge->setAutoDefault(false);
    row->addWidget(m_unmerge);
    layout->addLayout(row);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PatientLineageDialog::updateButtons);
    connect(m_reason, &QLineEdit::textChanged, this, &PatientLineageDialog::updateButtons);
    connect(m_unmerge, &QPushButton::clicked, this, &PatientLineageDialog::unmergeSelected);
    reload();
}

void PatientLineageDialog::reload()
{
    auto lineage = m_registry.lineage(m_patient);
    m_records = lineage ? lineage.value() : QList<registry::MergeRecord>{};
    if (!lineage)
        workbench::showMessage(m_message, workbench::Severity::Error, lineage.error().message);
    else if (m_records.isEmpty())
        workbench::showMessage(m_message, workbench::Severity::Info, tr("This record was never merged."));
    m_table->setRowCount(int(m_records.size()));
    for (int r = 0; r < m_records.size(); ++r) {
        const registry::MergeRecord &m = m_records.at(r);
        const QString state =
            m.undone ? tr("undone %1").arg(workbench::formatDateTime(m.undoneAt)) : tr("in force");
        const QStringList cells{workbench::formatDateTime(m.mergedAt),
                                m.survivorPseudonym,
                                m.mergedPseudonym,
                                m_userNames.value(m.mergedBy, m.mergedBy),
                                m.reason,
                                state};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 5 && !m.undone)
                item->setForeground(workbench::Theme::good());
            m_table->setItem(r, c, item);
        }
        m_table->item(r, 0)->setData(Qt::UserRole, m.id);
    }
    m_table->resizeColumnsToContents();
    // A long reason must not push the state out of view; its full text is in the tooltip.
    m_table->setColumnWidth(4, std::min(m_table->columnWidth(4), 260));
    for (int r = 0; r < m_table->rowCount(); ++r)
        m_table->item(r, 4)->setToolTip(m_records.at(r).reason);
    if (!m_records.isEmpty())
        m_table->selectRow(int(m_records.size()) - 1);
    updateButtons();
}

bool PatientLineageDialog::selectMerge(const QUuid &mergeId)
{
    for (int r = 0; r < m_records.size(); ++r) {
        if (m_records.at(r).id == mergeId) {
            m_table->selectRow(r);
            return true;
        }
    }
    return false;
}

void PatientLineageDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

void PatientLineageDialog::updateButtons()
{
    const int row = m_table->currentRow();
    const bool inForce = row >= 0 && row < m_records.size() && !m_records.at(row).undone;
    m_unmerge->setEnabled(inForce && !m_reason->text().trimmed().isEmpty());
}

bool PatientLineageDialog::unmergeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_records.size())
        return false;
    auto r = m_registry.unmerge(m_actor, m_records.at(row).id, m_reason->text());
    if (!r) {
        workbench::showMessage(m_message, workbench::Severity::Error, r.error().message);
        return false;
    }
    m_undone = r.value();
    m_reason->clear();
    reload();
    workbench::showMessage(
        m_message, workbench::Severity::Success,
        tr("The merge was undone: %1 is a record of its own again.").arg(r->mergedPseudonym));
    return true;
}

} // namespace mdp::registry::ui
