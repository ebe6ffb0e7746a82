#include "mdp/search/SearchResultModel.h"

#include "mdp/search/SearchRunner.h"

namespace mdp::search {

SearchResultModel::SearchResultModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void SearchResultModel::follow(SearchRunner *runner)
{
    connect(runner, &SearchRunner::started, this, [this](quint64 generation) { reset(generation); });
    connect(runner, &SearchRunner::batchReady, this, &SearchResultModel::appendHits);
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &h = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return h.displayName.isEmpty() ? h.pseudonymId : tr("%1  %2").arg(h.pseudonymId, h.displayName);
    case Qt::ToolTipRole:
        return tr("Matched %1 (%2)").arg(matchFieldId(h.field), matchKindId(h.kind));
    case PatientIdRole:
        return h.patientId;
    case PseudonymIdRole:
        return h.pseudonymId;
    case DisplayNameRole:
        return h.displayName;
    case PinyinRole:
        return h.pinyin;
    case SexRole:
        return QString(h.sex);
    case BirthDateRole:
        return h.birthDate;
    case MatchKindRole:
        return matchKindId(h.kind);
    case MatchFieldRole:
        return matchFieldId(h.field);
    case TyposRole:
        return h.typos;
    case MatchedTermRole:
        return h.matchedTerm;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(PatientIdRole, QByteArrayLiteral("patientId"));
    names.insert(PseudonymIdRole, QByteArrayLiteral("pseudonymId"));
    names.insert(DisplayNameRole, QByteArrayLiteral("displayName"));
    names.insert(PinyinRole, QByteArrayLiteral("pinyin"));
    names.insert(SexRole, QByteArrayLiteral("sex"));
    names.insert(BirthDateRole, QByteArrayLiteral("birthDate"));
    names.insert(MatchKindRole, QByteArrayLiteral("matchKind"));
    names.insert(MatchFieldRole, QByteArrayLiteral("matchField"));
    names.insert(TyposRole, QByteArrayLiteral("typos"));
    names.insert(MatchedTermRole, QByteArrayLiteral("matchedTerm"));
    return names;
}

void SearchResultModel::reset(quint64 generation)
{
    m_generation = generation;
    if (m_hits.isEmpty())
        return;
    beginResetModel();
    m_hits.clear();
    endResetModel();
}

void SearchResultModel::appendHits(quint64 generation, const QList<SearchHit> &hits)
{
    if (generation != m_generation || hits.isEmpty())
        return;
    const int first = int(m_hits.size());
    beginInsertRows(QModelIndex(), first, first + int(hits.size()) - 1);
    m_hits.append(hits);
    endInsertRows();
}

} // namespace mdp::search
