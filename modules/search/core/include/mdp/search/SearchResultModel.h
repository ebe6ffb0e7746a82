#pragma once

#include "mdp/search/SearchHit.h"

#include <QAbstractListModel>
#include <QList>

namespace mdp::search {

class SearchRunner;

// The hits of the current query as a list model for the search box's popup or result list. Rows
// are appended batch by batch as they stream in; a new query clears them. Batches of any other
// generation than the current one are ignored.
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        PatientIdRole = Qt::UserRole + 1, // QUuid
        PseudonymIdRole,
        DisplayNameRole, // empty when identity is hidden
        PinyinRole,
        SexRole,
        BirthDateRole,
        MatchKindRole,  // matchKindId()
        MatchFieldRole, // matchFieldId()
        TyposRole,
        MatchedTermRole,
    };

    explicit SearchResultModel(QObject *parent = nullptr);

    // Follows the runner: cleared on started(), filled on batchReady().
    void follow(SearchRunner *runner);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const SearchHit &hit(int row) const { return m_hits.at(row); }
    quint64 generation() const { return m_generation; }

public Q_SLOTS:
    void reset(quint64 generation);
    void appendHits(quint64 generation, const QList<mdp::search::SearchHit> &hits);

private:
    QList<SearchHit> m_hits;
    quint64 m_generation = 0;
};

} // namespace mdp::search
