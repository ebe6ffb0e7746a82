#include "FormHistoryDialog.h"

#include "mdp/forms/RecordDiff.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/Widgets.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mdp::forms::ui {

namespace {

void styleTable(QTableWidget *table, bool multi)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(multi ? QAbstractItemView::ExtendedSelection : QAbstractItemView::NoSelection);
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

QString FormHistoryDialog::transitionName(forms::Transition transition)
{
    switch (transition) {
    case forms::Transition::SaveDraft:
        return tr("Saved as draft");
    case forms::Transition::Submit:
        return tr("Submitted for review");
    case forms::Transition::Approve:
        return tr("Approved");
    case forms::Transition::Reject:
        return tr("Rejected");
    case forms::Transition::Amend:
        return tr("Amendment started");
    case forms::Transition::Withdraw:
        return tr("Withdrawn");
    }
    return {};
}

QString FormHistoryDialog::statusName(forms::RecordStatus status)
{
    switch (status) {
    case forms::RecordStatus::Draft:
        return tr("Draft");
    case forms::RecordStatus::Pending:
        return tr("Pending review");
    case forms::RecordStatus::Rejected:
        return tr("Rejected");
    case forms::RecordStatus::Approved:
        return tr("Approved");
    }
    return {};
}

FormHistoryDialog::FormHistoryDialog(forms::FormDefinition definition, QList<forms::RecordVersion> versions,
                                     QHash<QString, QString> userNames, const QString &language,
                                     QWidget *parent)
    : QDialog(parent)
    , m_definition(std::move(definition))
    , m_history(std::move(versions))
    , m_userNames(std::move(userNames))
    , m_language(language)
    , m_versions(new QTableWidget(this))
    , m_diff(new QTableWidget(this))
    , m_diffTitle(workbench::makeLabel(QString(), QStringLiteral("sectionTitle"), this))
{
    setObjectName(QStringLiteral("formHistoryDialog"));
    setWindowTitle(tr("Record history"));
    resize(1120, 620);
    m_versions->setObjectName(QStringLiteral("formHistoryTable"));
    m_diff->setObjectName(QStringLiteral("formDiffTable"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(workbench::makePageHeader(
        tr("Record history"),
        tr("Every save, submission and review decision is kept as a version. Select one version to see what "
           "it changed, or two (Ctrl+click) to compare them."),
        this));

    m_versions->setColumnCount(6);
    m_versions->setHorizontalHeaderLabels(
        {tr("Revision"), tr("Action"), tr("Status"), tr("When"), tr("By"), tr("Reason")});
    styleTable(m_versions, true);
    m_versions->setRowCount(int(m_history.size()));
    for (int r = 0; r < m_history.size(); ++r) {
        const forms::RecordVersion &v = m_history.at(r);
        QString status = statusName(v.status);
        if (v.formalVersion > 0)
            status = tr("Approved, formal version %1").arg(v.formalVersion);
        const QStringList cells{QString::number(v.revision),
                                transitionName(v.transition),
                                status,
                                workbench::formatDateTime(v.at),
                                m_userNames.value(v.actorId, v.actorId),
                                v.reason};
        for (int c = 0; c < cells.size(); ++c)
            m_versions->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_versions->resizeColumnsToContents();
    m_versions->setColumnWidth(0, std::max(m_versions->columnWidth(0), 70));

    m_diff->setColumnCount(3);
    m_diff->setHorizontalHeaderLabels({tr("Field"), tr("Before"), tr("After")});
    styleTable(m_diff, false);
    m_diff->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *diffBox = new QWidget(this);
    auto *diffLayout = new QVBoxLayout(diffBox);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->setSpacing(6);
    diffLayout->addWidget(m_diffTitle);
    diffLayout->addWidget(m_diff, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_versions);
    splitter->addWidget(diffBox);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_versions, &QTableWidget::itemSelectionChanged, this, &FormHistoryDialog::showDiff);
    if (!m_history.isEmpty())
        m_versions->selectRow(int(m_history.size()) - 1);
    showDiff();
}

void FormHistoryDialog::selectRows(const QList<int> &rows)
{
    m_versions->clearSelection();
    for (int row : rows) {
        const QModelIndex index = m_versions->model()->index(row, 0);
        m_versions->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void FormHistoryDialog::showDiff()
{
    QList<int> rows;
    for (const QModelIndex &index : m_versions->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    m_diff->setRowCount(0);
    if (rows.isEmpty()) {
        m_diffTitle->setText(tr("Select a version to see its changes."));
        return;
    }
    const int after = rows.last();
    const int before = rows.size() >= 2 ? rows.first() : after - 1;
    const QJsonObject beforeValues = before >= 0 ? m_history.at(before).values : QJsonObject();
    const QJsonObject afterValues = m_history.at(after).values;
    const QString from = before >= 0 ? QString::number(m_history.at(before).revision) : tr("empty");
    m_diffTitle->setText(
        tr("Changes from revision %1 to revision %2").arg(from).arg(m_history.at(after).revision));

    const QList<forms::FieldChange> changes = forms::diffRecords(m_definition, beforeValues, afterValues);
    static const QRegularExpression cell(QStringLiteral("^([A-Za-z0-9_]+)\\[(\\d+)\\]\\.([A-Za-z0-9_]+)$"));
    m_diff->setRowCount(int(changes.size()));
    for (int r = 0; r < changes.size(); ++r) {
        const forms::FieldChange &change = changes.at(r);
        QString label = change.fieldPath;
        const forms::FieldDefinition *field = m_definition.field(change.fieldPath);
        if (const auto m = cell.match(change.fieldPath); m.hasMatch()) {
            const forms::FieldDefinition *group = m_definition.field(m.captured(1));
            field = m_definition.field(m.captured(1) + QLatin1Char('.') + m.captured(3));
            label = tr("%1, row %2: %3")
                        .arg(group ? group->label.text(m_language) : m.captured(1))
                        .arg(m.captured(2).toInt() + 1)
                        .arg(field ? field->label.text(m_language) : m.captured(3));
        } else if (field) {
            label = field->label.text(m_language);
        }
        auto shown = [&](const QJsonValue &v) {
            if (v.isUndefined() || v.isNull())
                return QStringLiteral("—");
            return field ? forms::displayValue(*field, v, m_language) : v.toVariant().toString();
        };
        auto *name = new QTableWidgetItem(label);
        name->setToolTip(change.fieldPath);
        auto *was = new QTableWidgetItem(shown(change.before));
        auto *now = new QTableWidgetItem(shown(change.after));
        if (change.kind == forms::FieldChange::Kind::Removed)
            was->setForeground(QColor(0xa6, 0x1b, 0x1b));
        else
            now->setForeground(change.kind == forms::FieldChange::Kind::Added ? QColor(0x1d, 0x5e, 0x2c)
                                                                              : QColor(0x14, 0x45, 0x6f));
        m_diff->setItem(r, 0, name);
        m_diff->setItem(r, 1, was);
        m_diff->setItem(r, 2, now);
    }
    if (changes.isEmpty()) {
        m_diff->setRowCount(1);
        auto *none = new QTableWidgetItem(tr("No field changed."));
        none->setForeground(QColor(0x5f, 0x6b, 0x7a));
        m_diff->setItem(0, 0, none);
    }
}

} // namespace mdp::forms::ui
