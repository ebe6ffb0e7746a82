#pragma once

#include "mdp/forms/FormDefinition.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace mdp::forms {

// The entry forms a new workspace starts with (R-6.2.1d): those of the disease packs installed for
// this process (disease::installedDiseasePacks()), none on the generic platform. A workspace imports
// them through FormStore::importDefinition like any other definition, so a site may replace them.
QStringList defaultTemplateIds();
// The JSON of each template, in the order of defaultTemplateIds().
QList<QByteArray> defaultTemplateJson();
// The same, parsed; an error names the template that does not parse (a defect of its pack).
Result<QList<FormDefinition>> defaultTemplates();

} // namespace mdp::forms
