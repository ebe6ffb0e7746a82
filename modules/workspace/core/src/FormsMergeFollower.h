#pragma once

#include "mdp/registry/MergeFollower.h"

namespace mdp::forms {
class SqlCipherFormStore;
} // namespace mdp::forms

namespace mdp::workspace {

// Form records follow their patient through the registry's merges: moved to the survivor in the
// merge's transaction and put back on unmerge (R-6.1.1d). Both stores share the workspace database.
class FormsMergeFollower final : public registry::MergeFollower
{
public:
    explicit FormsMergeFollower(forms::SqlCipherFormStore &forms);

    QString name() const override;
    Result<Moved> followMerge(const registry::MergeRecord &merge) override;
    Result<void> followUnmerge(const registry::MergeRecord &merge, const QJsonValue &lineage) override;

private:
    forms::SqlCipherFormStore &m_forms;
};

} // namespace mdp::workspace
