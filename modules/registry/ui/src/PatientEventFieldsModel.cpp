#include "PatientEventFieldsModel.h"

#include "PatientText.h"
#include "mdp/workbench/Theme.h"

#include <QBrush>
#include <QFont>
#include <QJsonArray>
#include <QJsonObject>

namespace mdp::registry::ui {

namespace {

// Fields shown first, in this order; the rest follow alphabetically.
const QStringList &leadingKeys()
{
    static const QStringList keys{
        QStringLiteral("diagnosis"),
        QStringLiteral("icd10"),
        QStringLiteral("ctnm"),
        QStringLiteral("stageGroup"),
        QStringLiteral("molecularSubtype"),
        QStringLiteral("pathologyLabel"),
        QStringLiteral("pathologyType"),
        QStringLiteral("scheme"),
        QStringLiteral("totalDoseGy"),
        QStringLiteral("fractions"),
        QStringLiteral("dosePerFractionGy"),
        QStringLiteral("fractionsDelivered"),
        QStringLiteral("technique"),
        QStringLiteral("energy"),
        QStringLiteral("target"),
        QStringLiteral("drug"),
        QStringLiteral("regimen"),
        QStringLiteral("cycle"),
        QStringLiteral("doseMg"),
        QStringLiteral("term"),
        QStringLiteral("grade"),
        QStringLiteral("procedure"),
        QStringLiteral("modality"),
        QStringLiteral("bodyPart"),
        QStringLiteral("findings"),
        QStringLiteral("test"),
        QStringLiteral("value"),
        QStringLiteral("unit"),
        QStringLiteral("status"),
        QStringLiteral("cause"),
    };
    return keys;
}

// Keys that name a measurement in a list of objects, joined to label its row.
const QStringList &namingKeys()
{
    static const QStringList keys{
        QStringLiteral("structure"), QStringLiteral("metric"), QStringLiteral("name"), QStringLiteral("test"),
        QStringLiteral("term"),      QStringLiteral("drug"),   QStringLiteral("panel")};
    return keys;
}

} // namespace

PatientEventFieldsModel::PatientEventFieldsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString PatientEventFieldsModel::timeText(const registry::EventTime &time)
{
    if (time.isNull())
        return {};
    if (time.isInstant())
        return time.instant().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return time.date().toString(Qt::ISODate);
}

QString PatientEventFieldsModel::periodText(const registry::EventTime &start, const registry::EventTime &end)
{
    if (end.isNull() || end == start)
        return timeText(start);
    return tr("%1 to %2").arg(timeText(start), timeText(end));
}

void PatientEventFieldsModel::setEvent(const registry::TimelineEvent &event)
{
    beginResetModel();
    m_rows.clear();
    const registry::EventDraft &c = event.content;
    m_rows << Row{tr("Kind"), PatientText::eventTypeName(c.type), {}, false, false};
    m_rows << Row{c.end.isNull() ? tr("Date") : tr("Period"), periodText(c.start, c.end), {}, false, false};
    m_rows << Row{tr("Title"), c.title, {}, false, false};

    QStringList keys = c.payload.keys();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
        const qsizetype ia = leadingKeys().indexOf(a);
        const qsizetype ib = leadingKeys().indexOf(b);
        if (ia >= 0 || ib >= 0)
            return ia >= 0 && (ib < 0 || ia < ib);
        return a < b;
    });
    QStringList lists;
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue value = c.payload.value(key);
        if (value.isObject())
            continue;
        if (value.isArray()) {
            bool objects = false;
            for (const QJsonValue &v : value.toArray())
                objects = objects || v.isObject();
            if (objects) {
                lists << key;
                continue;
            }
        }
        const QString text = PatientText::valueText(value);
        if (!text.isEmpty())
            m_rows << Row{PatientText::fieldLabel(key), text, key, false, false};
    }
    if (!c.annotation.isEmpty())
        m_rows << Row{tr("Annotation"), c.annotation, {}, false, false};

    for (const QString &key : std::as_const(lists)) {
        m_rows << Row{PatientText::fieldLabel(key), {}, key, true, false};
        for (const QJsonValue &v : c.payload.value(key).toArray()) {
            if (!v.isObject())
                continue;
            const QJsonObject o = v.toObject();
            QStringList name;
            for (const QString &k : namingKeys()) {
                if (o.contains(k))
                    name << PatientText::valueText(o.value(k));
            }
            QString value = PatientText::valueText(o.value(QStringLiteral("value")));
            if (o.contains(QStringLiteral("unit")))
                value += QLatin1Char(' ') + o.value(QStringLiteral("unit")).toString();
            if (o.contains(QStringLiteral("constraint")))
                value += tr(" (limit %1)").arg(o.value(QStringLiteral("constraint")).toString());
            bool alert = false;
            if (o.contains(QStringLiteral("met"))) {
                const bool met = o.value(QStringLiteral("met")).toBool();
                value += met ? tr(" ✓ met") : tr(" ✗ not met");
                alert = !met;
            }
            if (o.contains(QStringLiteral("flag"))) {
                const QString flag = o.value(QStringLiteral("flag")).toString();
                if (!flag.isEmpty()) {
                    value += QStringLiteral(" (%1)").arg(flag);
                    alert = true;
                }
            }
            if (name.isEmpty()) {
                // No naming key: show every scalar member.
                QStringList parts;
                for (auto it = o.begin(); it != o.end(); ++it) {
                    if (!it.value().isObject() && !it.value().isArray())
                        parts << PatientText::fieldLabel(it.key()) + tr(": ") +
                                     PatientText::valueText(it.value());
                }
                m_rows << Row{QString(), parts.join(tr(", ")), key, false, false};
            } else {
                m_rows << Row{name.join(QLatin1Char(' ')), value.trimmed(), key, false, alert};
            }
        }
    }
    if (!c.formRecordIds.isEmpty())
        m_rows << Row{tr("Linked form records"), QString::number(c.formRecordIds.size()), {}, false, false};
    m_rows << Row{tr("Files"), QString::number(event.attachments.size()), {}, false, false};
    m_rows << Row{tr("Version"),
                  tr("%1, last changed %2")
                      .arg(event.version)
                      .arg(event.updated.isValid()
                               ? event.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                               : QString()),
                  {},
                  false,
                  false};
    endResetModel();
}

void PatientEventFieldsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QString PatientEventFieldsModel::valueOf(const QString &key) const
{
    for (const Row &row : m_rows) {
        if (row.key == key && !row.section)
            return row.value;
    }
    return {};
}

int PatientEventFieldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PatientEventFieldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientEventFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == FieldColumn ? row.field : row.value;
    case Qt::ToolTipRole:
        return index.column() == ValueColumn && row.value.size() > 40 ? row.value : QVariant();
    case Qt::FontRole:
        if (row.section) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (row.section)
            return QBrush(QColor(0x10, 0x26, 0x3b));
        if (index.column() == FieldColumn)
            return QBrush(workbench::Theme::muted());
        if (row.alert)
            return QBrush(workbench::Theme::bad());
        break;
    case Qt::BackgroundRole:
        if (row.section)
            return QBrush(QColor(0xea, 0xf3, 0xfb));
        break;
    case SectionRole:
        return row.section;
    case KeyRole:
        return row.key;
    default:
        break;
    }
    return {};
}

QVariant PatientEventFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == FieldColumn ? tr("Field") : section == ValueColumn ? tr("Value") : QVariant();
}

} // namespace mdp::registry::ui
