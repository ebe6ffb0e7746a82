#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace mdp::cohort {

// The entry forms of the reference case (breast cancer, neoadjuvant radiotherapy plus
// immunotherapy; R-6.2.1d), with their vocabularies and the zh/en labels of every code, embedded as
// JSON resources: breast-baseline, radiotherapy-plan, immunotherapy-cycles, toxicity, response,
// follow-up. A workspace imports them like any other definition, so a site may replace them.
QStringList formTemplateIds();
// The JSON of each template, in the order of formTemplateIds().
QList<QByteArray> formTemplateJson();

} // namespace mdp::cohort
