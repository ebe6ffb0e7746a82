#pragma once

#include "mdp/disease/DemoCohort.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace mdp::disease {

class DemoTarget;

// The interface version is part of the IID ("<name>/<version>"): a pack built against another
// version is refused by the loader, from the plug-in's metadata, before any of its code runs.
// Raise the version with every change of this class or of the types it passes (DemoTarget,
// DemoCohortRequest, DemoCohortReport). One literal, because moc reads it.
#define MDP_DISEASE_PACK_IID "org.mdp.DiseasePack/1.0"

// A disease pack: what one disease brings to the generic platform (form templates with their
// vocabularies and labels, a synthetic demo cohort). Implemented by Qt plug-ins under
// plugins/disease/; the platform starts without any.
class DiseasePack
{
public:
    virtual ~DiseasePack() = default;

    // Stable, lower-case id ("breast-cancer"); two packs with one id are not loaded together.
    virtual QString packId() const = 0;
    // Shown to people; `language` as "zh_CN" or "en".
    virtual QString title(QStringView language) const = 0;
    // Form definitions (JSON) a new workspace imports.
    virtual QList<QByteArray> formTemplates() const = 0;

    virtual bool hasDemoCohort() const = 0;
    // Fills `target` with the pack's synthetic cohort through the registry.
    virtual Result<DemoCohortReport> importDemoCohort(DemoTarget &target,
                                                      const DemoCohortRequest &request) = 0;
    // Records in the pack's forms in every review state, by the demo accounts, so a demo shows a
    // live review workflow. Needs patients (importDemoCohort first) and the demo accounts.
    virtual Result<void> seedDemoRecords(DemoTarget &target) = 0;
};

} // namespace mdp::disease

Q_DECLARE_INTERFACE(mdp::disease::DiseasePack, MDP_DISEASE_PACK_IID)
