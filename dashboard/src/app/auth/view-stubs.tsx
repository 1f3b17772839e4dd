// Stand-ins for the six lazy views in tests of the shell and the sign-in gate (vi.mock of each page module),
// so those tests look at the frame around the view and not at what each view asks the API.
import { useAppState } from '../navigation';

export function viewStub(id: string) {
  return function ViewStub() {
    const { regionCode } = useAppState();
    return (
      <section data-testid={`view-${id}`}>
        <h2>
          stub {id} {regionCode}
        </h2>
      </section>
    );
  };
}
