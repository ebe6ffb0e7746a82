#include "mdp/workbench/Watermark.h"

#include "mdp/viewer/Watermark.h"
#include "mdp/viewer/WatermarkOverlay.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workspace/Workspace.h"

namespace mdp::workbench {

viewer::WatermarkOverlay *watermarkIfObliged(SessionContext &context, QWidget *target)
{
    if (context.isBusy())
        return nullptr;
    const policy::Decision read = context.workspace().patientAccess(policy::Action::Read);
    if (!read.permitted || !read.obligations.watermark)
        return nullptr;
    const workspace::Session &session = context.session();
    return new viewer::WatermarkOverlay(
        viewer::Watermark::text({session.displayName, session.userName}, QDateTime::currentDateTime()),
        target);
}

} // namespace mdp::workbench
