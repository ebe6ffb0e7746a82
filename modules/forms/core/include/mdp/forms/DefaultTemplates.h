#pragma once

#include "mdp/forms/FormDefinition.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace mdp::forms {

// The entry forms shipped for the reference case (breast cancer, neoadjuvant radiotherapy plus
// immunotherapy), embedded as JSON resources under :/forms/templates/ (R-6.2.1d):
//   breast-baseline, radiotherapy-plan, immunotherapy-cycles, toxicity, response, follow-up.
// A workspace imports them through FormStore::importDefinition like any other definition, so a
// site may replace them with its own versions.
QStringList defaultTemplateIds();
// The JSON of each template, in the order of defaultTemplateIds().
QList<QByteArray> defaultTemplateJson();
// The same, parsed; an error names the template that does not parse (a build defect).
Result<QList<FormDefinition>> defaultTemplates();

} // namespace mdp::forms
