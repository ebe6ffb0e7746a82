#include "mdp/forms/DefaultTemplates.h"

#include "FormsLogging.h"

#include <QFile>

#include <mutex>

// Q_INIT_RESOURCE declares the generated initialiser at the enclosing scope, so it must be used
// outside any namespace. The templates live in a static library: without this call the linker may
// leave the resource out of the program.
static void initFormsTemplatesResource()
{
    Q_INIT_RESOURCE(forms_templates);
}

namespace mdp::forms {

QStringList defaultTemplateIds()
{
    return {QStringLiteral("breast-baseline"),
            QStringLiteral("radiotherapy-plan"),
            QStringLiteral("immunotherapy-cycles"),
            QStringLiteral("toxicity"),
            QStringLiteral("response"),
            QStringLiteral("follow-up")};
}

QList<QByteArray> defaultTemplateJson()
{
    static std::once_flag once;
    std::call_once(once, initFormsTemplatesResource);
    QList<QByteArray> out;
    for (const QString &id : defaultTemplateIds()) {
        QFile f(QStringLiteral(":/forms/templates/%1.json").arg(id));
        if (!f.open(QIODevice::ReadOnly)) {
            qCWarning(lcForms) << "default template missing from resources:" << id;
            continue;
        }
        out.append(f.readAll());
    }
    return out;
}

Result<QList<FormDefinition>> defaultTemplates()
{
    const QStringList ids = defaultTemplateIds();
    const QList<QByteArray> json = defaultTemplateJson();
    if (json.size() != ids.size())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("default form templates are missing from the build"));
    QList<FormDefinition> out;
    for (qsizetype i = 0; i < json.size(); ++i) {
        auto def = FormDefinition::fromJson(json[i]);
        if (!def)
            return makeError(def.error().code,
                             QStringLiteral("default template %1: %2").arg(ids[i], def.error().message));
        out.append(std::move(def.value()));
    }
    return out;
}

} // namespace mdp::forms
