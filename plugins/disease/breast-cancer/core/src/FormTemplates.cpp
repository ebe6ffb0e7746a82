#include "mdp/cohort/FormTemplates.h"

#include "CohortLogging.h"

#include <QFile>

#include <mutex>

// Q_INIT_RESOURCE declares the generated initialiser at the enclosing scope, so it must be used
// outside any namespace. The templates live in a static library: without this call the linker may
// leave the resource out of the plug-in.
static void initBreastCancerFormsResource()
{
    Q_INIT_RESOURCE(breast_cancer_forms);
}

namespace mdp::cohort {

QStringList formTemplateIds()
{
    return {QStringLiteral("breast-baseline"),
            QStringLiteral("radiotherapy-plan"),
            QStringLiteral("immunotherapy-cycles"),
            QStringLiteral("toxicity"),
            QStringLiteral("response"),
            QStringLiteral("follow-up")};
}

QList<QByteArray> formTemplateJson()
{
    static std::once_flag once;
    std::call_once(once, initBreastCancerFormsResource);
    QList<QByteArray> out;
    for (const QString &id : formTemplateIds()) {
        QFile f(QStringLiteral(":/breast-cancer/forms/%1.json").arg(id));
        if (!f.open(QIODevice::ReadOnly)) {
            qCWarning(lcCohort) << "form template missing from resources:" << id;
            continue;
        }
        out.append(f.readAll());
    }
    return out;
}

} // namespace mdp::cohort
