#pragma once

#include "mdp/disease/DiseasePack.h"

#include <QObject>

namespace mdp::cohort {

// The reference case of JH/CAA 008-2025 Appendix A as a disease pack: the six entry forms with their
// coded vocabularies, the synthetic cohort with its rendered documents, and the demo review records.
class BreastCancerPack : public QObject, public disease::DiseasePack
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MDP_DISEASE_PACK_IID FILE "breast-cancer.json")
    Q_INTERFACES(mdp::disease::DiseasePack)

public:
    QString packId() const override;
    QString title(QStringView language) const override;
    QList<QByteArray> formTemplates() const override;
    bool hasDemoCohort() const override;
    Result<disease::DemoCohortReport> importDemoCohort(disease::DemoTarget &target,
                                                       const disease::DemoCohortRequest &request) override;
    Result<void> seedDemoRecords(disease::DemoTarget &target) override;
};

} // namespace mdp::cohort
