#include "mdp/forms/DefaultTemplates.h"

#include "mdp/disease/DiseasePackLoader.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::forms {

QStringList defaultTemplateIds()
{
    QStringList ids;
    for (const QByteArray &json : defaultTemplateJson())
        ids << QJsonDocument::fromJson(json).object().value(QStringLiteral("id")).toString();
    return ids;
}

QList<QByteArray> defaultTemplateJson()
{
    return disease::installedDiseasePacks().formTemplates();
}

Result<QList<FormDefinition>> defaultTemplates()
{
    QList<FormDefinition> out;
    for (const QByteArray &json : defaultTemplateJson()) {
        auto def = FormDefinition::fromJson(json);
        if (!def) {
            const QString id = QJsonDocument::fromJson(json).object().value(QStringLiteral("id")).toString();
            return makeError(def.error().code,
                             QStringLiteral("default template %1: %2").arg(id, def.error().message));
        }
        out.append(std::move(def.value()));
    }
    return out;
}

} // namespace mdp::forms
