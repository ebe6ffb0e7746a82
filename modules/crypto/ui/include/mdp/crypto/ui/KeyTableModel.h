#pragma once

#include "mdp/crypto/KeyHierarchy.h"

#include <QAbstractTableModel>
#include <QList>

namespace mdp::crypto::ui {

// The key list of the Keys page: metadata only, never key material.
class KeyTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        KindColumn,
        PurposeColumn,
        VersionColumn,
        StateColumn,
        AlgorithmColumn,
        CreatedColumn,
        ChangedColumn,
        ColumnCount
    };
    enum ItemRole
    {
        PurposeRole = Qt::UserRole + 1,
        KindRole
    };

    explicit KeyTableModel(QObject *parent = nullptr);

    void setKeys(QList<crypto::KeyInfo> keys);
    const crypto::KeyInfo *keyAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(crypto::KeyInfo::Kind kind);
    static QString stateText(crypto::KeyState state);
    static QString purposeText(const QString &purpose);

private:
    QList<crypto::KeyInfo> m_keys;
};

} // namespace mdp::crypto::ui
