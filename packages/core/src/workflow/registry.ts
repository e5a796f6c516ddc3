import { LinliError } from '../errors.js';
import type { StateDefinition, TransitionDefinition, WorkflowDefinition } from '../schemas/types.js';
import { fromStates } from './validate.js';

/** A checked workflow with its lookups precomputed. */
export class CompiledWorkflow {
  readonly def: WorkflowDefinition;
  readonly source: string;
  readonly #states: Map<string, StateDefinition>;
  readonly #transitions: Map<string, TransitionDefinition>;

  constructor(def: WorkflowDefinition, source: string) {
    this.def = def;
    this.source = source;
    this.#states = new Map(def.states.map((s) => [s.id, s]));
    this.#transitions = new Map(def.transitions.map((t) => [t.name, t]));
  }

  get id(): string {
    return this.def.id;
  }

  state(id: string): StateDefinition | undefined {
    return this.#states.get(id);
  }

  isTerminal(state: string): boolean {
    return this.#states.get(state)?.terminal === true;
  }

  transition(name: string): TransitionDefinition | undefined {
    return this.#transitions.get(name);
  }

  /** Transitions that leave `state`, in definition order. */
  transitionsFrom(state: string): TransitionDefinition[] {
    return this.def.transitions.filter((t) => fromStates(t).includes(state));
  }
}

export class WorkflowRegistry {
  readonly #workflows = new Map<string, CompiledWorkflow>();

  register(def: WorkflowDefinition, source: string): void {
    const existing = this.#workflows.get(def.id);
    if (existing) {
      throw new LinliError('LINLI_ERR_PLUGIN_CONFLICT', [`The workflow id "${def.id}" is claimed by both ${existing.source} and ${source}. Rename one of them.`]);
    }
    this.#workflows.set(def.id, new CompiledWorkflow(def, source));
  }

  get(id: string): CompiledWorkflow | undefined {
    return this.#workflows.get(id);
  }

  list(): CompiledWorkflow[] {
    return [...this.#workflows.values()];
  }
}
