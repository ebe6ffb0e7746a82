#include "mdp/audit/ui/AuditEventTableModel.h"

#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QHash>
#include <QJsonDocument>
#include <QLocale>

namespace mdp::audit::ui {

AuditEventTableModel::AuditEventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AuditEventTableModel::setRows(QList<workspace::AuditRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void AuditEventTableModel::clear()
{
    setRows({});
}

const workspace::AuditRow *AuditEventTableModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int AuditEventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditEventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditEventTableModel::typeText(const QString &type)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("account.login"), QT_TR_NOOP("Sign-in")},
        {QStringLiteral("account.logout"), QT_TR_NOOP("Sign-out")},
        {QStringLiteral("account.locked-out"), QT_TR_NOOP("Locked out after failed sign-ins")},
        {QStringLiteral("account.create"), QT_TR_NOOP("Account created")},
        {QStringLiteral("account.password-change"), QT_TR_NOOP("Password changed")},
        {QStringLiteral("account.password-reset"), QT_TR_NOOP("Password reset by administrator")},
        {QStringLiteral("account.role-change"), QT_TR_NOOP("Role changed")},
        {QStringLiteral("account.lock"), QT_TR_NOOP("Account locked")},
        {QStringLiteral("account.unlock"), QT_TR_NOOP("Account unlocked")},
        {QStringLiteral("account.totp-enrol"), QT_TR_NOOP("Authenticator key issued")},
        {QStringLiteral("account.totp-confirm"), QT_TR_NOOP("Authenticator confirmed")},
        {QStringLiteral("account.totp-reset"), QT_TR_NOOP("Authenticator reset")},
        {QStringLiteral("account.enrolment-code"), QT_TR_NOOP("Authenticator enrolment code issued")},
        {QStringLiteral("user.login"), QT_TR_NOOP("Sign-in")},
        {QStringLiteral("user.logout"), QT_TR_NOOP("Sign-out")},
        {QStringLiteral("user.password-change"), QT_TR_NOOP("Password changed")},
        {QStringLiteral("user.role-change"), QT_TR_NOOP("Role changed")},
        {QStringLiteral("data.view"), QT_TR_NOOP("Data viewed")},
        {QStringLiteral("data.query"), QT_TR_NOOP("Data queried")},
        {QStringLiteral("data.create"), QT_TR_NOOP("Data created")},
        {QStringLiteral("data.modify"), QT_TR_NOOP("Data modified")},
        {QStringLiteral("data.delete"), QT_TR_NOOP("Data deleted")},
        {QStringLiteral("data.export"), QT_TR_NOOP("Data exported")},
        {QStringLiteral("patient.create"), QT_TR_NOOP("Patient registered")},
        {QStringLiteral("patient.update"), QT_TR_NOOP("Patient details changed")},
        {QStringLiteral("patient.view"), QT_TR_NOOP("Patient record opened")},
        {QStringLiteral("patient.query"), QT_TR_NOOP("Patient search")},
        {QStringLiteral("patient.merge"), QT_TR_NOOP("Patient records merged")},
        {QStringLiteral("patient.unmerge"), QT_TR_NOOP("Patient merge undone")},
        {QStringLiteral("patient.duplicate-dismiss"), QT_TR_NOOP("Possible duplicate dismissed")},
        {QStringLiteral("patient.project-pseudonym"), QT_TR_NOOP("Project pseudonym issued")},
        {QStringLiteral("timeline.view"), QT_TR_NOOP("Timeline viewed")},
        {QStringLiteral("timeline.event-add"), QT_TR_NOOP("Timeline event added")},
        {QStringLiteral("timeline.event-update"), QT_TR_NOOP("Timeline event edited")},
        {QStringLiteral("timeline.event-annotate"), QT_TR_NOOP("Timeline event annotated")},
        {QStringLiteral("timeline.event-remove"), QT_TR_NOOP("Timeline event removed")},
        {QStringLiteral("timeline.event-revert"), QT_TR_NOOP("Timeline event restored")},
        {QStringLiteral("timeline.attach"), QT_TR_NOOP("File attached")},
        {QStringLiteral("timeline.detach"), QT_TR_NOOP("File detached")},
        {QStringLiteral("database.commit"), QT_TR_NOOP("Database commit anchored")},
        {QStringLiteral("key.create"), QT_TR_NOOP("Data key created")},
        {QStringLiteral("key.use"), QT_TR_NOOP("Data key used")},
        {QStringLiteral("key.rewrap"), QT_TR_NOOP("Data key re-wrapped")},
        {QStringLiteral("key.retire"), QT_TR_NOOP("Data key retired")},
        {QStringLiteral("key.destroy"), QT_TR_NOOP("Data key destroyed")},
        {QStringLiteral("key.rotate"), QT_TR_NOOP("Key rotated")},
        {QStringLiteral("key.kek.create"), QT_TR_NOOP("Key-encryption key created")},
        {QStringLiteral("key.kek.rotate"), QT_TR_NOOP("Key-encryption key rotated")},
        {QStringLiteral("key.kek.destroy"), QT_TR_NOOP("Old key-encryption key erased")},
        {QStringLiteral("key.root.create"), QT_TR_NOOP("Root key created")},
        {QStringLiteral("key.root.unlock"), QT_TR_NOOP("Workspace unlocked")},
        {QStringLiteral("key.root.change-credential"), QT_TR_NOOP("Workspace passphrase changed")},
        {QStringLiteral("system.start"), QT_TR_NOOP("System started")},
        {QStringLiteral("system.stop"), QT_TR_NOOP("System stopped")},
        {QStringLiteral("system.config-change"), QT_TR_NOOP("Configuration changed")},
        {QStringLiteral("security.alert"), QT_TR_NOOP("Security alert")},
        {QStringLiteral("audit.read"), QT_TR_NOOP("Audit log read")},
        {QStringLiteral("audit.verify"), QT_TR_NOOP("Audit log verified")},
    };
    const auto it = names.constFind(type);
    return it == names.constEnd() ? type : tr(it.value());
}

QString AuditEventTableModel::outcomeText(audit::AuditOutcome outcome)
{
    switch (outcome) {
    case audit::AuditOutcome::Success:
        return tr("Success");
    case audit::AuditOutcome::MinorFailure:
        return tr("Failed");
    case audit::AuditOutcome::SeriousFailure:
        return tr("Serious failure");
    case audit::AuditOutcome::MajorFailure:
        return tr("Major failure");
    }
    return {};
}

void AuditEventTableModel::setAccountNames(QHash<QString, QString> names)
{
    beginResetModel();
    m_accountNames = std::move(names);
    endResetModel();
}

QString AuditEventTableModel::entitiesText(const QList<audit::AuditEntity> &entities) const
{
    QStringList parts;
    for (const audit::AuditEntity &entity : entities) {
        const QString name = entity.type == u"account" ? m_accountNames.value(entity.id) : QString();
        parts << entity.type + u':' + (name.isEmpty() ? entity.id : name);
    }
    return parts.join(QStringLiteral(", "));
}

QString AuditEventTableModel::detailText(const audit::AuditEvent &event)
{
    if (event.detail.isEmpty())
        return {};
    QString text = QString::fromUtf8(QJsonDocument(event.detail).toJson(QJsonDocument::Compact));
    // The braces add nothing in a table cell.
    if (text.startsWith(u'{') && text.endsWith(u'}'))
        text = text.mid(1, text.size() - 2);
    return text;
}

QVariant AuditEventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const workspace::AuditRow &row = m_rows.at(index.row());
    const audit::AuditEvent &event = row.event;
    const bool failed = event.outcome != audit::AuditOutcome::Success;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SequenceColumn:
            return row.sequence;
        case TimeColumn:
            return workbench::formatDateTime(event.recorded, true);
        case TypeColumn:
            return typeText(event.type);
        case UserColumn:
            if (!row.userName.isEmpty())
                return row.userName;
            return event.agent.userId.isEmpty() ? tr("(nobody identified)") : event.agent.userId;
        case OutcomeColumn:
            return outcomeText(event.outcome);
        case DataColumn:
            return entitiesText(event.entities);
        case DetailColumn:
            return detailText(event);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TypeColumn:
            return event.type;
        case UserColumn:
            return event.agent.role.isEmpty() ? event.agent.userId
                                              : tr("%1 as %2").arg(event.agent.userId, event.agent.role);
        case DataColumn: {
            QStringList ids; // the raw identifiers behind resolved names
            for (const audit::AuditEntity &entity : event.entities)
                ids << entity.type + u':' + entity.id;
            return ids.join(u'\n');
        }
        case DetailColumn:
            return detailText(event);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && failed)
            return workbench::Theme::bad();
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SequenceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SequenceRole:
        return row.sequence;
    case EventJsonRole:
        return QString::fromUtf8(QJsonDocument(event.toJsonObject()).toJson(QJsonDocument::Indented));
    case FailedRole:
        return failed;
    }
    return {};
}

QVariant AuditEventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SequenceColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case TypeColumn:
        return tr("Event");
    case UserColumn:
        return tr("User");
    case OutcomeColumn:
        return tr("Outcome");
    case DataColumn:
        return tr("Data IDs");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

} // namespace mdp::audit::ui
