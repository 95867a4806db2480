// A listener that expects the wrong event type: Angular's strict template check must report it.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'pat-elements/define';

@Component({
  selector: 'app-wrong',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<pat-token-list (pat-token-deleted)="deleted($event)"></pat-token-list>`,
})
export class WrongComponent {
  deleted(event: MouseEvent) {
    console.log(event.clientX);
  }
}
