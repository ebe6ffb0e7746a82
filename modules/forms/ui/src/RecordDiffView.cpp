#include "mdp/forms/ui/RecordDiffView.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mdp::forms::ui {

namespace {

enum Column
{
    FieldColumn,
    KindColumn,
    BeforeColumn,
    AfterColumn,
    ColumnCount
};

// "cycles[1].dose" -> group "cycles", row 1, member "dose"; "cycles[1]" -> a whole row.
struct PathParts
{
    QString top;
    int row = -1;
    QString member;
};

PathParts splitPath(const QString &path)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z][A-Za-z0-9_]*)(?:\\[(\\d+)\\])?(?:\\.(.+))?$"));
    const QRegularExpressionMatch m = pattern.match(path);
    if (!m.hasMatch())
        return {path, -1, {}};
    PathParts parts;
    parts.top = m.captured(1);
    if (m.capturedLength(2) > 0)
        parts.row = m.captured(2).toInt();
    parts.member = m.captured(3);
    return parts;
}

QColor kindBackground(FieldChange::Kind kind)
{
    switch (kind) {
    case FieldChange::Kind::Added:
        return QColor(0xe9, 0xf6, 0xec);
    case FieldChange::Kind::Removed:
        return QColor(0xfd, 0xec, 0xec);
    case FieldChange::Kind::Changed:
        return QColor(0xff, 0xf6, 0xe5);
    }
    return {};
}

QColor kindForeground(FieldChange::Kind kind)
{
    switch (kind) {
    case FieldChange::Kind::Added:
        return QColor(0x1d, 0x5e, 0x2c);
    case FieldChange::Kind::Removed:
        return QColor(0x9b, 0x1c, 0x1c);
    case FieldChange::Kind::Changed:
        return QColor(0x7a, 0x4b, 0x00);
    }
    return {};
}

} // namespace

RecordDiffView::RecordDiffView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("recordDiffView"));
    m_summary->setObjectName(QStringLiteral("recordDiffSummary"));
    m_table->setObjectName(QStringLiteral("recordDiffTable"));
    m_empty->setObjectName(QStringLiteral("recordDiffEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(16);
    m_empty->setStyleSheet(QStringLiteral("QLabel#recordDiffEmpty { color: #5f6b7a; background: #f8fafc; "
                                          "border: 1px dashed #c5ced8; border-radius: 6px; }"));
    m_summary->setStyleSheet(QStringLiteral("QLabel#recordDiffSummary { color: #5f6b7a; }"));

    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Change"), tr("Before"), tr("After")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setShowGrid(false);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(FieldColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(BeforeColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(AfterColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(FieldColumn, 170);

    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);
    clear();
}

QString RecordDiffView::kindText(FieldChange::Kind kind)
{
    switch (kind) {
    case FieldChange::Kind::Added:
        return tr("Added");
    case FieldChange::Kind::Removed:
        return tr("Removed");
    case FieldChange::Kind::Changed:
        return tr("Changed");
    }
    return {};
}

QString RecordDiffView::fieldLabel(const FormDefinition &definition, const QString &path,
                                   QStringView language)
{
    const PathParts parts = splitPath(path);
    const FieldDefinition *top = definition.field(parts.top);
    if (!top)
        return path;
    QString label = top->label.text(language);
    if (label.isEmpty())
        label = top->id;
    if (parts.row >= 0)
        label += QStringLiteral(" #%1").arg(parts.row + 1);
    if (!parts.member.isEmpty()) {
        const FieldDefinition *member = definition.field(QString(parts.top + u'.' + parts.member));
        const QString memberLabel = member ? member->label.text(language) : QString();
        label += QStringLiteral(" › ") + (memberLabel.isEmpty() ? parts.member : memberLabel);
    }
    return label;
}

QString RecordDiffView::valueText(const FormDefinition &definition, const QString &path,
                                  const QJsonValue &value, QStringView language)
{
    const PathParts parts = splitPath(path);
    const FieldDefinition *field = parts.member.isEmpty()
                                       ? definition.field(parts.top)
                                       : definition.field(QString(parts.top + u'.' + parts.member));
    if (!field)
        return value.isUndefined() || value.isNull() ? QStringLiteral("—") : value.toVariant().toString();
    // A whole group row (added or removed): its members, in definition order.
    if (field->type == FieldType::Group && parts.member.isEmpty() && value.isObject()) {
        QStringList items;
        const QJsonObject row = value.toObject();
        for (const FieldDefinition &member : field->fields) {
            if (!row.contains(member.id))
                continue;
            const QString label = member.label.text(language);
            items << (label.isEmpty() ? member.id : label) + QStringLiteral(": ") +
                         displayValue(member, row.value(member.id), language);
        }
        return items.isEmpty() ? QStringLiteral("—") : items.join(QStringLiteral("; "));
    }
    if (field->type == FieldType::Group && value.isArray()) {
        const int rows = int(value.toArray().size());
        return rows == 0 ? QStringLiteral("—") : tr("%n row(s)", nullptr, rows);
    }
    return displayValue(*field, value, language);
}

void RecordDiffView::showDiff(const FormDefinition &definition, const QJsonObject &before,
                              const QJsonObject &after, const QString &language, const QString &beforeTitle,
                              const QString &afterTitle)
{
    showChanges(definition, diffRecords(definition, before, after), language, beforeTitle, afterTitle);
}

void RecordDiffView::showChanges(const FormDefinition &definition, const QList<FieldChange> &changes,
                                 const QString &language, const QString &beforeTitle,
                                 const QString &afterTitle)
{
    m_changes = changes;
    m_hasBaseline = true;
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Change"),
                                        beforeTitle.isEmpty() ? tr("Before") : beforeTitle,
                                        afterTitle.isEmpty() ? tr("After") : afterTitle});
    m_table->setRowCount(int(changes.size()));
    for (int row = 0; row < changes.size(); ++row) {
        const FieldChange &change = changes.at(row);
        const QString before = valueText(definition, change.fieldPath, change.before, language);
        const QString after = valueText(definition, change.fieldPath, change.after, language);
        const QStringList cells{fieldLabel(definition, change.fieldPath, language), kindText(change.kind),
                                change.kind == FieldChange::Kind::Added ? QStringLiteral("—") : before,
                                change.kind == FieldChange::Kind::Removed ? QStringLiteral("—") : after};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(column == FieldColumn ? change.fieldPath : cells.at(column));
            item->setData(Qt::UserRole, change.fieldPath);
            item->setData(Qt::UserRole + 1, int(change.kind));
            item->setBackground(kindBackground(change.kind));
            if (column == KindColumn) {
                item->setForeground(kindForeground(change.kind));
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            if (column == BeforeColumn && change.kind != FieldChange::Kind::Added) {
                QFont struck = item->font();
                struck.setStrikeOut(change.kind == FieldChange::Kind::Removed);
                item->setFont(struck);
            }
            m_table->setItem(row, column, item);
        }
    }
    if (changes.isEmpty()) {
        m_empty->setText(tr("No field differs: the values are the same."));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
    m_summary->setText(summary());
    m_summary->setVisible(true);
}

void RecordDiffView::showNoBaseline(const QString &message)
{
    m_changes.clear();
    m_hasBaseline = false;
    m_table->setRowCount(0);
    m_empty->setText(message);
    m_stack->setCurrentWidget(m_empty);
    m_summary->clear();
    m_summary->setVisible(false);
}

void RecordDiffView::clear()
{
    showNoBaseline(QString());
}

QString RecordDiffView::summary() const
{
    if (!m_hasBaseline)
        return {};
    int added = 0;
    int removed = 0;
    int changed = 0;
    for (const FieldChange &change : m_changes) {
        switch (change.kind) {
        case FieldChange::Kind::Added:
            ++added;
            break;
        case FieldChange::Kind::Removed:
            ++removed;
            break;
        case FieldChange::Kind::Changed:
            ++changed;
            break;
        }
    }
    return tr("%n field(s) differ", nullptr, int(m_changes.size())) +
           tr(" (changed %1, added %2, removed %3)").arg(changed).arg(added).arg(removed);
}

} // namespace mdp::forms::ui
