#pragma once
// The QHook of motion transfer. Capture mode copies the Q of chosen layers into a QBank (the
// source extraction pass); inject mode swaps bank Q into the target's Q (kernels::qSwap_) for
// active layers (LayerInjection::isActive), at steps inside the schedule's range, on the guidance
// branches it names. Off mode leaves Q alone. It also counts the forwards it sees, so callers
// and tests know how many model passes ran.

#include "inference/attention/q_bank.h"
#include "inference/attention/q_hook.h"
#include "inference/injection_schedule.h"
#include "inference/result.h"
#include "kernels/qswap.h"

#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace mbq::attention {

class QInjector final : public QHook
{
public:
    // Captures every site whose layer is in `layers` into `bank`, under `bankStep` or, when
    // unset, under the forward's own step.
    void capture(QBank &bank, std::set<std::string> layers, std::optional<int> bankStep);
    // Injects from `bank` as `schedule` says. Both must outlive the injection.
    void inject(const QBank &bank, const InjectionSchedule &schedule);
    void off();

    void onQuery(const QSite &site, at::Tensor &q) override;
    // Inject mode with a swap that covers every row: fused into the model's Q path.
    at::Tensor onProjection(const QSite &site, const QProjection &projection) override;

    // Forwards seen so far (counted at layer 0), by kind.
    int capturePasses() const { return m_capturePasses; }
    int injectPasses() const { return m_injectPasses; }
    // The first failure inside onQuery (a missing bank entry, a full bank, a head-weight count
    // that does not match the model); hooks cannot return errors, so the pipeline checks this
    // after every forward.
    const std::optional<Error> &error() const { return m_error; }

private:
    enum class Mode { Off, Capture, Inject };

    // What injecting at one site takes: the bank's source and the layer's parameters (moved
    // to `device`). Nothing when the site is not injected or has failed (see error()).
    struct SiteSwap
    {
        QBank::Stored source;
        kernels::QSwapParams *params = nullptr;
        int64_t items = 1;      // batch items (videos); rows are item-major
        bool paired = false;    // the source has the target's rows, else one item for all
        bool everyItem = false; // every item's branch receives it
    };
    std::optional<SiteSwap> siteSwap(const QSite &site, int64_t rows, at::Device device);
    void countPass(const QSite &site);
    void captureSite(const QSite &site, const at::Tensor &q);
    void injectSite(const QSite &site, at::Tensor &q);
    static GuidanceBranch branchOf(const QSite &site, int64_t item);
    bool wantsBranch(GuidanceBranch branch) const;
    void failAt(const QSite &site, const std::exception &e);
    void fail(Error error);

    Mode m_mode = Mode::Off;
    QBank *m_captureBank = nullptr;
    std::set<std::string> m_captureLayers;
    std::optional<int> m_bankStep;
    const QBank *m_injectBank = nullptr;
    const InjectionSchedule *m_schedule = nullptr;
    // Swap parameters of the schedule's active layers, built by inject().
    std::map<std::string, kernels::QSwapParams> m_params;
    int m_capturePasses = 0;
    int m_injectPasses = 0;
    std::optional<Error> m_error;
};

} // namespace mbq::attention
