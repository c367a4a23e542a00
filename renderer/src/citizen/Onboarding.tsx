import { useEffect, useState } from 'react';
import { useApp } from '../platform/app-context';
import { sportello } from '../platform/sportello';
import { unwrap } from '../platform/call';
import { useLoad } from '../platform/use-load';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { TermsOfUse } from '../screens/TermsOfUse';
import { ProfileCompletion } from '../screens/ProfileCompletion';

type Stage = 'termini' | 'profilo';

/** What a citizen meets before the menu: the terms of use (when not yet accepted) and a profile without contatti. */
export function Onboarding({ onDone, onExit }: { onDone(): void; onExit(): void }) {
  const { tenant } = useApp();
  const [stage, setStage] = useState<Stage | null>(null);
  const needs = useLoad(async () => {
    const [terms, profile] = await Promise.all([unwrap(sportello.pratiche.terms({ tenant })), unwrap(sportello.pratiche.profile({}))]);
    return { terms, profile, profileIncomplete: profile.email === null && profile.phone === null };
  }, [tenant]);

  useEffect(() => {
    if (!needs.data) return;
    if (needs.data.terms.mustAccept) setStage('termini');
    else if (needs.data.profileIncomplete) setStage('profilo');
    else onDone();
  }, [needs.data, onDone]);

  if (needs.error) return <div className="container py-4"><ErrorAlert message={needs.error} /></div>;
  if (!needs.data || stage === null) return <div className="container py-4"><Busy /></div>;
  const { terms, profile, profileIncomplete } = needs.data;
  if (stage === 'termini') {
    return <TermsOfUse terms={terms} onAccepted={() => (profileIncomplete ? setStage('profilo') : onDone())} onRefuse={onExit} />;
  }
  return <ProfileCompletion profile={profile} onDone={onDone} />;
}
