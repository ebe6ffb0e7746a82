#include "FormsMergeFollower.h"

#include "mdp/forms/SqlCipherFormStore.h"

#include <QJsonArray>

namespace mdp::workspace {

FormsMergeFollower::FormsMergeFollower(forms::SqlCipherFormStore &forms)
    : m_forms(forms)
{}

QString FormsMergeFollower::name() const
{
    return QStringLiteral("form_records");
}

Result<registry::MergeFollower::Moved> FormsMergeFollower::followMerge(const registry::MergeRecord &merge)
{
    auto moved = m_forms.moveRecordsToPatient(merge.mergedId, merge.survivorId, merge.survivorPseudonym);
    if (!moved)
        return moved.error();
    QJsonArray ids;
    for (const QUuid &id : moved.value())
        ids.append(id.toString(QUuid::WithoutBraces));
    return Moved{ids, int(ids.size())};
}

Result<void> FormsMergeFollower::followUnmerge(const registry::MergeRecord &merge, const QJsonValue &lineage)
{
    QList<QUuid> ids;
    for (const QJsonValue &v : lineage.toArray())
        ids << QUuid::fromString(v.toString());
    return m_forms.moveRecordsBack(ids, merge.survivorId, merge.mergedId, merge.mergedPseudonym);
}

} // namespace mdp::workspace
