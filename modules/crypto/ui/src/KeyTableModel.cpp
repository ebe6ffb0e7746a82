#include "mdp/crypto/ui/KeyTableModel.h"

#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QLocale>

namespace mdp::crypto::ui {

KeyTableModel::KeyTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void KeyTableModel::setKeys(QList<crypto::KeyInfo> keys)
{
    beginResetModel();
    m_keys = std::move(keys);
    endResetModel();
}

const crypto::KeyInfo *KeyTableModel::keyAt(int row) const
{
    return row >= 0 && row < m_keys.size() ? &m_keys.at(row) : nullptr;
}

int KeyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int KeyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString KeyTableModel::kindText(crypto::KeyInfo::Kind kind)
{
    switch (kind) {
    case crypto::KeyInfo::Kind::Root:
        return tr("Root key");
    case crypto::KeyInfo::Kind::ScopeKey:
        return tr("Role-scoped key");
    case crypto::KeyInfo::Kind::KeyEncryptionKey:
        return tr("Key-encryption key");
    case crypto::KeyInfo::Kind::DataKey:
        return tr("Data key");
    }
    return {};
}

QString KeyTableModel::stateText(crypto::KeyState state)
{
    switch (state) {
    case crypto::KeyState::Active:
        return tr("Active");
    case crypto::KeyState::Retired:
        return tr("Retired");
    case crypto::KeyState::Destroyed:
        return tr("Destroyed");
    }
    return {};
}

QString KeyTableModel::purposeText(const QString &purpose)
{
    if (purpose.isEmpty())
        return QString();
    if (purpose == crypto::KeyPurpose::database())
        return tr("Database");
    if (purpose == crypto::KeyPurpose::vault())
        return tr("File store");
    if (purpose == crypto::KeyPurpose::audit())
        return tr("Audit log");
    if (purpose == crypto::KeyPurpose::signing())
        return tr("Signing");
    if (purpose == crypto::KeyPurpose::identity())
        return tr("Patient identity");
    if (purpose == u"pseudonym")
        return tr("Pseudonyms");
    if (purpose.startsWith(u"grant:"))
        return tr("Grant %1").arg(purpose.mid(6));
    return purpose;
}

QVariant KeyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const crypto::KeyInfo &key = m_keys.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return key.name;
        case KindColumn:
            return kindText(key.kind);
        case PurposeColumn:
            return purposeText(key.purpose);
        case VersionColumn:
            return key.kind == crypto::KeyInfo::Kind::Root ? QVariant() : QVariant(key.version);
        case StateColumn:
            return stateText(key.state);
        case AlgorithmColumn:
            if (key.wrappedBy == crypto::identityScope())
                return tr("%1, under the patient identity key").arg(key.algorithm);
            return key.algorithm;
        case CreatedColumn:
            return workbench::formatDateTime(key.createdAt);
        case ChangedColumn:
            return workbench::formatDateTime(key.changedAt);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && key.state == crypto::KeyState::Destroyed)
            return workbench::Theme::bad();
        if (index.column() == StateColumn && key.state == crypto::KeyState::Retired)
            return workbench::Theme::muted();
        break;
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return key.id;
        break;
    case PurposeRole:
        return key.purpose;
    case KindRole:
        return int(key.kind);
    }
    return {};
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case PurposeColumn:
        return tr("Purpose");
    case VersionColumn:
        return tr("Version");
    case StateColumn:
        return tr("State");
    case AlgorithmColumn:
        return tr("Algorithm");
    case CreatedColumn:
        return tr("Created");
    case ChangedColumn:
        return tr("Changed");
    }
    return {};
}

} // namespace mdp::crypto::ui
